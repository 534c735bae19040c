package io.finbatch.writers.extract;

import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sheet rows deflated on a second thread, and the checksum of an entry put together from pieces. */
class BackgroundDeflateTests {

    @TempDir
    Path dir;

    @Test
    void combinedCrcEqualsTheCrcOfTheConcatenation() {
        Random random = new Random(11);
        for (int round = 0; round < 300; round++) {
            byte[] a = new byte[random.nextInt(round < 10 ? 3 : 5000)];
            byte[] b = new byte[round % 50 == 0 ? 0 : random.nextInt(70_000)];
            random.nextBytes(a);
            random.nextBytes(b);
            CRC32 whole = new CRC32();
            whole.update(a);
            whole.update(b);
            assertThat(Crc32s.combine(crc(a), crc(b), b.length)).as("round %d", round).isEqualTo(whole.getValue());
        }
    }

    @Test
    void whatIsWrittenInAnyPiecesInflatesBackWithItsSizeAndCrc() throws IOException {
        Random random = new Random(5);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        Path file = dir.resolve("rows");
        BackgroundDeflatedFile rows = new BackgroundDeflatedFile(file, FastSheetDataWriter.LEVEL);
        while (expected.size() < 3_000_000) { // several blocks, and pieces straddling their ends
            byte[] piece = ("<row r=\"" + random.nextInt() + "\"><c><v>" + random.nextLong() + "</v></c></row>\n")
                    .repeat(1 + random.nextInt(400)).getBytes();
            int cut = random.nextInt(piece.length);
            rows.write(piece, 0, cut);
            rows.write(piece, cut, piece.length - cut);
            expected.write(piece);
            if (random.nextInt(50) == 0) {
                rows.write('\n');
                expected.write('\n');
            }
        }
        rows.close();
        rows.close(); // idempotent
        BackgroundDeflatedFile.Deflated deflated = rows.deflated();
        byte[] data = expected.toByteArray();
        assertThat(deflated.size()).isEqualTo(data.length);
        assertThat(deflated.crc()).isEqualTo(crc(data));
        assertThat(deflated.compressedSize()).isEqualTo(Files.size(file)).isLessThan(data.length / 4);
        assertThat(inflate(file)).isEqualTo(data);
        assertThatThrownBy(() -> rows.write(1)).isInstanceOf(IOException.class);
    }

    @Test
    void nothingWrittenIsAnEmptyStream() throws IOException {
        Path file = dir.resolve("empty");
        BackgroundDeflatedFile rows = new BackgroundDeflatedFile(file, FastSheetDataWriter.LEVEL);
        rows.close();
        assertThat(rows.deflated().size()).isZero();
        assertThat(rows.deflated().crc()).isZero();
        assertThat(inflate(file)).isEmpty();
    }

    @Test
    void aFailingDiskIsReportedToTheWriterNamingTheFile() {
        Path file = dir.resolve("missing-folder").resolve("rows");
        BackgroundDeflatedFile rows = new BackgroundDeflatedFile(file, FastSheetDataWriter.LEVEL);
        byte[] block = new byte[1 << 16];
        assertThatThrownBy(() -> {
            for (int i = 0; i < 1000; i++) {
                rows.write(block);
            }
            rows.close();
        }).isInstanceOf(IOException.class).hasMessageContaining(file.toString());
    }

    @Test
    void poiReadingTheSheetRowsBackGetsTheirXml() throws IOException {
        try (ReproducibleSxssfWorkbook workbook = new ReproducibleSxssfWorkbook(10)) {
            SXSSFSheet sheet = workbook.createSheet("rows");
            for (int i = 0; i < 100; i++) {
                sheet.createRow(i).createCell(0).setCellValue("line " + i + " <&> ü");
            }
            String xml;
            try (InputStream in = sheet.getWorksheetXMLInputStream()) {
                xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(xml).startsWith("<row r=\"1\"").contains("line 99 &lt;&amp;&gt; ü").endsWith("</row>\n");
        }
    }

    private static byte[] inflate(Path file) throws IOException {
        // a sync-flushed stream has no final block: end it as the workbook's last piece would
        try (InputStream in = new InflaterInputStream(new SequenceInputStream(Files.newInputStream(file),
                new ByteArrayInputStream(new byte[] {0x03, 0x00})), new Inflater(true))) {
            return in.readAllBytes();
        }
    }

    private static long crc(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return crc.getValue();
    }
}
