package io.finbatch.writers.extract;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.openxml4j.util.ZipEntrySource;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.apache.poi.xssf.usermodel.XSSFChartSheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * SXSSF that writes the final XLSX in one pass, reproducibly: every zip entry dated {@code entryTime}
 * (DOS time, no extended timestamps), deflated at the JDK's default level. A sheet's rows arrive already
 * deflated (see {@link FastSheetDataWriter}): its entry is the template's XML up to {@code sheetData},
 * the rows and the rest of the template, three deflated pieces joined into one stream and copied as is.
 */
final class ReproducibleSxssfWorkbook extends SXSSFWorkbook {

    private static final String SHEET_DATA_START = "<sheetData";
    private static final String EMPTY_SHEET_DATA = "<sheetData/>";
    private static final String SHEET_DATA_END = "</sheetData>";

    private final Map<SXSSFSheet, FastSheetDataWriter> rowWriters = new HashMap<>();
    private FastSheetDataWriter lastRowWriter;
    private LocalDateTime entryTime;

    ReproducibleSxssfWorkbook(int window) {
        super(window);
    }

    @Override
    protected SheetDataWriter createSheetDataWriter() throws IOException {
        lastRowWriter = new FastSheetDataWriter(getSharedStringSource());
        return lastRowWriter;
    }

    @Override
    public SXSSFSheet createSheet() {
        return remember(super.createSheet());
    }

    @Override
    public SXSSFSheet createSheet(String name) {
        return remember(super.createSheet(name));
    }

    private SXSSFSheet remember(SXSSFSheet sheet) {
        rowWriters.put(sheet, lastRowWriter);
        return sheet;
    }

    /** Writes the workbook with every zip entry dated {@code time}. */
    void write(OutputStream out, LocalDateTime time) throws IOException {
        entryTime = time.getYear() < 1980 ? LocalDateTime.of(1980, 1, 1, 0, 0) : time.withNano(0);
        write(out);
    }

    @Override
    protected void injectData(ZipEntrySource template, OutputStream out) throws IOException {
        if (entryTime == null) {
            throw new IllegalStateException("write(out, time) gives the entries their date");
        }
        long dosTime = entryTime.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
        Map<String, SXSSFSheet> sheetsByEntry = sheetsByEntryName();
        try {
            ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out);
            zip.setLevel(FastSheetDataWriter.LEVEL);
            Enumeration<? extends ZipArchiveEntry> entries = template.getEntries();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry entry = entries.nextElement();
                ZipArchiveEntry copy = new ZipArchiveEntry(entry.getName());
                copy.setTime(dosTime);
                try (InputStream in = template.getInputStream(entry)) {
                    SXSSFSheet sheet = sheetsByEntry.get(entry.getName());
                    if (sheet == null) {
                        copy.setMethod(ZipArchiveEntry.DEFLATED);
                        zip.putArchiveEntry(copy);
                        in.transferTo(zip);
                        zip.closeArchiveEntry();
                    } else {
                        writeSheet(new String(in.readAllBytes(), StandardCharsets.UTF_8), sheet, copy, zip);
                    }
                }
            }
            zip.finish();
        } finally {
            template.close();
        }
    }

    /** The sheet's template XML with its (empty) {@code sheetData} replaced by the streamed rows. */
    private void writeSheet(String templateXml, SXSSFSheet sheet, ZipArchiveEntry entry, ZipArchiveOutputStream zip)
            throws IOException {
        int empty = templateXml.indexOf(EMPTY_SHEET_DATA);
        int start = templateXml.indexOf(SHEET_DATA_START);
        String head;
        String tail;
        if (empty >= 0 && empty == start) {
            head = templateXml.substring(0, empty) + "<sheetData>\n";
            tail = templateXml.substring(empty + EMPTY_SHEET_DATA.length());
        } else {
            int end = templateXml.indexOf(SHEET_DATA_END);
            if (start < 0 || end < 0) {
                throw new IOException("the sheet template has no sheetData element");
            }
            head = templateXml.substring(0, end);
            tail = templateXml.substring(end + SHEET_DATA_END.length());
        }
        sheet.flushRows();
        BackgroundDeflatedFile.Deflated rows = rowWriters.get(sheet).deflatedRows();
        DeflatedPiece first = DeflatedPiece.of(head.getBytes(StandardCharsets.UTF_8), false);
        DeflatedPiece last = DeflatedPiece.of((SHEET_DATA_END + tail).getBytes(StandardCharsets.UTF_8), true);
        entry.setMethod(ZipArchiveEntry.DEFLATED);
        entry.setSize(first.size() + rows.size() + last.size());
        entry.setCompressedSize(first.compressed().length + rows.compressedSize() + last.compressed().length);
        entry.setCrc(Crc32s.combine(Crc32s.combine(first.crc(), rows.crc(), rows.size()), last.crc(), last.size()));
        try (InputStream deflatedRows = Files.newInputStream(rows.file())) {
            zip.addRawArchiveEntry(entry, new SequenceInputStream(Collections.enumeration(List.of(
                    new ByteArrayInputStream(first.compressed()), deflatedRows,
                    new ByteArrayInputStream(last.compressed())))));
        }
    }

    private Map<String, SXSSFSheet> sheetsByEntryName() {
        Map<String, SXSSFSheet> byName = new HashMap<>();
        for (int i = 0; i < getNumberOfSheets(); i++) {
            XSSFSheet sheet = getXSSFWorkbook().getSheetAt(i);
            if (!(sheet instanceof XSSFChartSheet)) {
                byName.put(sheet.getPackagePart().getPartName().getName().substring(1), getSheetAt(i));
            }
        }
        return byName;
    }

    /** A small piece of an entry deflated apart: sync-flushed, or final for the entry's last piece. */
    private record DeflatedPiece(byte[] compressed, long size, long crc) {

        static DeflatedPiece of(byte[] data, boolean last) {
            Deflater deflater = new Deflater(FastSheetDataWriter.LEVEL, true);
            try {
                deflater.setInput(data);
                if (last) {
                    deflater.finish();
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
                byte[] buffer = new byte[8192];
                int n;
                do {
                    n = deflater.deflate(buffer, 0, buffer.length, last ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH);
                    out.write(buffer, 0, n);
                } while (last ? !deflater.finished() : n == buffer.length);
                CRC32 crc = new CRC32();
                crc.update(data);
                return new DeflatedPiece(out.toByteArray(), data.length, crc.getValue());
            } finally {
                deflater.end();
            }
        }
    }
}
