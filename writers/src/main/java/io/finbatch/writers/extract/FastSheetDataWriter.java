package io.finbatch.writers.extract;

import org.apache.poi.xssf.model.SharedStringsTable;
import org.apache.poi.xssf.streaming.SheetDataWriter;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.Writer;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * SXSSF's temporary sheet file, written through an unsynchronised UTF-8 writer (POI writes the XML in
 * small pieces, and a {@code BufferedWriter} takes a lock on each) and deflated on a second thread while
 * the rows are produced, at the level of the XLSX itself: the workbook copies the deflated rows into its
 * zip entry as they are, so the sheet XML (about 850 bytes a row of 16 columns) is compressed once,
 * beside the work of producing it, and only its compressed form touches the disk.
 */
final class FastSheetDataWriter extends SheetDataWriter {

    private static final int BUFFER = 1 << 16;
    /** A final, empty deflate block: ends the sync-flushed stream for whoever reads the rows back. */
    private static final byte[] FINAL_EMPTY_BLOCK = {0x03, 0x00};
    static final int LEVEL = Deflater.DEFAULT_COMPRESSION;

    // Assigned by createWriter while the superclass constructor runs: no initializer, or it would be reset.
    private BackgroundDeflatedFile rows;

    FastSheetDataWriter(SharedStringsTable sharedStrings) throws IOException {
        super(sharedStrings);
    }

    @Override
    public Writer createWriter(File file) throws IOException {
        rows = new BackgroundDeflatedFile(file.toPath(), LEVEL);
        return new Utf8Writer(rows, BUFFER);
    }

    /** POI reading the rows back (not the workbook's own write, which copies them deflated) gets the XML. */
    @Override
    protected InputStream decorateInputStream(FileInputStream in) {
        Inflater inflater = new Inflater(true);
        return new InflaterInputStream(new SequenceInputStream(in, new ByteArrayInputStream(FINAL_EMPTY_BLOCK)),
                inflater, BUFFER) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    inflater.end();
                }
            }
        };
    }

    /** The rows written so far, deflated; closes this writer (the sheet's rows must have been flushed). */
    BackgroundDeflatedFile.Deflated deflatedRows() throws IOException {
        close();
        return rows.deflated();
    }
}
