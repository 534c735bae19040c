package io.finbatch.writers.extract;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.util.ZipEntrySource;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.apache.poi.xssf.usermodel.XSSFChartSheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * SXSSF that writes the final XLSX in one pass, reproducibly: every zip entry dated {@code entryTime}
 * (DOS time, no extended timestamps), compressed once with the JDK's deflater at its default level.
 * The sheet rows are spliced into each sheet's template as SXSSF itself does. The bytes are those of
 * the former "write with POI, then re-zip every entry" route, without its second deflate and inflate.
 */
final class ReproducibleSxssfWorkbook extends SXSSFWorkbook {

    private static final String SHEET_DATA_START = "<sheetData";
    private static final String EMPTY_SHEET_DATA = "<sheetData/>";
    private static final String SHEET_DATA_END = "</sheetData>";

    private LocalDateTime entryTime;

    ReproducibleSxssfWorkbook(int window) {
        super(window);
    }

    @Override
    protected SheetDataWriter createSheetDataWriter() throws IOException {
        return new FastSheetDataWriter(getSharedStringSource());
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
        Map<String, SXSSFSheet> sheetsByEntry = sheetsByEntryName();
        try {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.setLevel(Deflater.DEFAULT_COMPRESSION);
            Enumeration<? extends ZipArchiveEntry> entries = template.getEntries();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry entry = entries.nextElement();
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(entryTime);
                zip.putNextEntry(copy);
                try (InputStream in = template.getInputStream(entry)) {
                    SXSSFSheet sheet = sheetsByEntry.get(entry.getName());
                    if (sheet == null) {
                        in.transferTo(zip);
                    } else {
                        writeSheet(new String(in.readAllBytes(), StandardCharsets.UTF_8), sheet, zip);
                    }
                }
                zip.closeEntry();
            }
            zip.finish();
        } finally {
            template.close();
        }
    }

    /** The sheet's template XML with its (empty) {@code sheetData} replaced by the streamed rows. */
    private static void writeSheet(String templateXml, SXSSFSheet sheet, OutputStream out) throws IOException {
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
        out.write(head.getBytes(StandardCharsets.UTF_8));
        try (InputStream rows = sheet.getWorksheetXMLInputStream()) {
            rows.transferTo(out);
        }
        out.write(SHEET_DATA_END.getBytes(StandardCharsets.UTF_8));
        out.write(tail.getBytes(StandardCharsets.UTF_8));
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
}
