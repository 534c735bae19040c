package io.finbatch.writers.extract;

import org.apache.poi.xssf.model.SharedStringsTable;
import org.apache.poi.xssf.streaming.SheetDataWriter;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * SXSSF's temporary sheet file, written through an unsynchronised UTF-8 writer (POI writes the XML one
 * character at a time, and a {@code BufferedWriter} takes a lock per character) and gzipped at the fastest
 * level (the file is read back once, right away; it only has to stay small on disk).
 */
final class FastSheetDataWriter extends SheetDataWriter {

    private static final int BUFFER = 1 << 16;

    FastSheetDataWriter(SharedStringsTable sharedStrings) throws IOException {
        super(sharedStrings);
    }

    @Override
    public Writer createWriter(File file) throws IOException {
        FileOutputStream out = new FileOutputStream(file);
        try {
            return new Utf8Writer(decorateOutputStream(out), BUFFER);
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
    }

    @Override
    protected OutputStream decorateOutputStream(FileOutputStream out) throws IOException {
        return new GZIPOutputStream(out, BUFFER) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
    }

    @Override
    protected InputStream decorateInputStream(FileInputStream in) throws IOException {
        return new GZIPInputStream(in, BUFFER);
    }
}
