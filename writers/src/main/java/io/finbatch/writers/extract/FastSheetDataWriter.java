package io.finbatch.writers.extract;

import org.apache.poi.xssf.model.SharedStringsTable;
import org.apache.poi.xssf.streaming.SheetDataWriter;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.Writer;

/**
 * SXSSF's temporary sheet file, written through an unsynchronised UTF-8 writer: POI writes the XML in
 * small pieces, and a {@code BufferedWriter} takes a lock on each. Not compressed (about 850 bytes a row of
 * 16 columns on disk until the workbook is closed): gzipping it cost a deflate and an inflate of the whole
 * sheet on top of the one the XLSX itself needs.
 */
final class FastSheetDataWriter extends SheetDataWriter {

    private static final int BUFFER = 1 << 16;

    FastSheetDataWriter(SharedStringsTable sharedStrings) throws IOException {
        super(sharedStrings);
    }

    @Override
    public Writer createWriter(File file) throws IOException {
        return new Utf8Writer(new FileOutputStream(file), BUFFER);
    }
}
