package io.finbatch.writers.extract;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * XLSX with POI's streaming SXSSF: only a window of rows is in memory, the rest is flushed to a temporary
 * file. First sheet: the rows, header frozen, amounts as numbers with their column's format, dates as real
 * dates, widths set. Second sheet {@code Manifest}: extract, parameters, row count and control totals.
 * <p>
 * Reproducible: the document's creation date is the as-of instant and the zip entries are written with
 * that instant as their time, so the same rows as of the same instant give the same bytes (on the same
 * JDK and POI; the manifest sheet holds nothing that changes between runs: no generation time, no version).
 */
public class XlsxExtractWriter implements ExtractFileWriter {

    static final String MANIFEST_SHEET = "Manifest";
    private static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();
    private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    private final Path file;
    private final ExtractDefinition definition;
    private final ReproducibleSxssfWorkbook workbook;
    private final SXSSFSheet sheet;
    private final CellStyle[] styles;
    private final DataFormat formats;
    private int nextRow;

    public XlsxExtractWriter(Path file, ExtractDefinition definition, int window) throws IOException {
        this.file = file;
        this.definition = definition;
        Files.createFile(file); // claims the name: never overwrites a file already there
        this.workbook = new ReproducibleSxssfWorkbook(window);
        this.formats = workbook.createDataFormat();
        this.sheet = workbook.createSheet(sheetName(definition.name()));
        List<ExtractColumn> columns = definition.columns();
        styles = new CellStyle[columns.size()];
        CellStyle header = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        header.setFont(bold);
        Row headerRow = sheet.createRow(nextRow++);
        for (int i = 0; i < columns.size(); i++) {
            ExtractColumn column = columns.get(i);
            styles[i] = workbook.createCellStyle();
            styles[i].setDataFormat(formats.getFormat(column.format()));
            sheet.setColumnWidth(i, Math.min(255, column.width()) * 256);
            Cell cell = headerRow.createCell(i);
            cell.setCellValue(column.header());
            cell.setCellStyle(header);
        }
        sheet.createFreezePane(0, 1);
    }

    /** A sheet name Excel accepts: at most 31 characters, none of {@code []:*?/\}. */
    static String sheetName(String name) {
        String cleaned = name.replaceAll("[\\[\\]:*?/\\\\]", "_");
        return cleaned.length() > 31 ? cleaned.substring(0, 31) : cleaned;
    }

    @Override
    public void write(ExtractRow row) {
        if (nextRow >= MAX_ROWS) {
            throw new IllegalStateException(definition.name() + ": more than " + (MAX_ROWS - 1)
                    + " rows do not fit in an XLSX sheet; produce this extract as csv");
        }
        Row sheetRow = sheet.createRow(nextRow++);
        List<ExtractColumn> columns = definition.columns();
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = sheetRow.createCell(i);
            cell.setCellStyle(styles[i]);
            Object value = row.get(i);
            if (value == null) {
                continue;
            }
            switch (columns.get(i).type()) {
                case TEXT -> {
                    String text = (String) value;
                    if (text.length() > MAX_TEXT) {
                        throw new IllegalStateException(definition.name() + ": row " + (nextRow - 1) + ", column "
                                + columns.get(i).name() + ": text longer than an XLSX cell holds (" + MAX_TEXT + ")");
                    }
                    cell.setCellValue(text);
                }
                case DATE -> cell.setCellValue((LocalDate) value);
                case AMOUNT -> cell.setCellValue(((BigDecimal) value).doubleValue());
                case INTEGER -> cell.setCellValue(((Long) value).doubleValue());
            }
        }
    }

    @Override
    public void finish(ExtractSummary summary) throws IOException {
        writeManifestSheet(summary);
        workbook.getXSSFWorkbook().getProperties().getCoreProperties()
                .setCreated(Optional.of(Date.from(summary.asOf())));
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), 1 << 16)) {
            workbook.write(out, LocalDateTime.ofInstant(summary.asOf(), ZoneOffset.UTC));
        } finally {
            close();
        }
    }

    private void writeManifestSheet(ExtractSummary summary) {
        Sheet manifest = workbook.createSheet(MANIFEST_SHEET);
        manifest.setColumnWidth(0, 30 * 256);
        manifest.setColumnWidth(1, 70 * 256);
        CellStyle bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);
        int[] at = {0};
        java.util.function.BiConsumer<String, Object> line = (label, value) -> {
            Row row = manifest.createRow(at[0]++);
            Cell key = row.createCell(0);
            key.setCellValue(label);
            key.setCellStyle(bold);
            Cell cell = row.createCell(1);
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else if (value != null) {
                cell.setCellValue(value.toString());
            }
        };
        line.accept("Extract", definition.name());
        line.accept("Kind", definition.kind());
        line.accept("Description", definition.description());
        line.accept("Period", summary.period());
        line.accept("As of", summary.asOf().toString());
        for (Map.Entry<String, String> parameter : summary.parameters().entrySet()) {
            line.accept("Parameter " + parameter.getKey(), parameter.getValue());
        }
        line.accept("Rows", summary.rows());
        manifest.getRow(at[0] - 1).getCell(1).setCellStyle(styleFor("0"));
        for (Map.Entry<String, BigDecimal> total : summary.controlTotals().entrySet()) {
            line.accept("Control total " + total.getKey(), total.getValue());
            manifest.getRow(at[0] - 1).getCell(1).setCellStyle(styleFor(definition.column(total.getKey()).format()));
        }
        line.accept("Definition SHA-256", definition.sha256());
    }

    private CellStyle styleFor(String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(formats.getFormat(format));
        return style;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        workbook.close(); // also removes SXSSF's temporary files
    }
}
