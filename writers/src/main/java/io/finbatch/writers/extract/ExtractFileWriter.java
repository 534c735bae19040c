package io.finbatch.writers.extract;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/** Writes one extract file, row by row, in constant memory. */
public interface ExtractFileWriter extends Closeable {

    void write(ExtractRow row) throws IOException;

    /** Completes the file (and its XLSX manifest sheet); the file is final after this. */
    void finish(ExtractSummary summary) throws IOException;

    Path file();

    static ExtractFileWriter open(ExtractFormat format, Path file, ExtractDefinition definition, int xlsxWindow)
            throws IOException {
        return switch (format) {
            case CSV -> new CsvExtractWriter(file, definition);
            case XLSX -> new XlsxExtractWriter(file, definition, xlsxWindow);
        };
    }
}
