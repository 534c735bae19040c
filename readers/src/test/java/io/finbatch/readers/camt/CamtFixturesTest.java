package io.finbatch.readers.camt;

import io.finbatch.mappings.statement.StatementEvent;
import io.finbatch.mappings.statement.StatementHeader;
import io.finbatch.mappings.statement.StatementLine;
import io.finbatch.mappings.statement.StatementTrailer;
import io.finbatch.readers.StatementFormatException;
import io.finbatch.readers.StatementFormats;
import io.finbatch.readers.StatementStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Every camt file of the public fixtures (read in place from {@code finbatch.fixtures}, never copied)
 * parses to its end, or is in {@link #REJECTED} with the reason it must be rejected.
 */
class CamtFixturesTest {

    /** Files rightly rejected (path relative to the fixtures root), and why. */
    private static final Map<String, String> REJECTED = Map.of(
            "genkgo-camt/test/data/camt053.v2.wrong.xml",
            "BkToCstmrStmt without Stmt (1..n in the schema); the source says it must be rejected",
            "hbci4j-hbci4java/src/test/resources/org/kapott/hbci4java/sepa/test-camt-parse-invalid.xml",
            "namespace urn:iso:std:iso:20022:tech:xsd:camt names no message version; hbci4j rejects it too",
            "hbci4j-hbci4java/src/test/resources/org/kapott/hbci4java/sepa/test-camt-parse-none.xml",
            "Document without namespace (version unknown) and an empty report",
            "kedder-ofxstatement-iso20022/tests/samples/unsupported.xml",
            "namespace urn:weird-namespace; the source rejects it as unsupported",
            "viafintech-camt_parser/spec/fixtures/052/valid_namespace.xml",
            "empty Document: a namespace but no message element",
            "viafintech-camt_parser/spec/fixtures/053/valid_namespace.xml",
            "empty Document: a namespace but no message element",
            "viafintech-camt_parser/spec/fixtures/general/invalid_namespace.xml",
            "empty Document: a namespace but no message element");

    private static final List<String> NOT_STATEMENTS = List.of(".json", ".yml", ".md", ".pydata", ".zip");

    @TestFactory
    Stream<DynamicTest> everyCamtFixtureParsesToTheEndOrIsRightlyRejected() throws IOException {
        Path root = fixturesRoot();
        List<Path> files = camtFiles(root);
        assertThat(files).as("camt fixture files under %s", root).hasSizeGreaterThan(50);
        for (String rejected : REJECTED.keySet()) {
            assertThat(root.resolve(rejected)).as("listed as rejected").exists();
        }
        return files.stream().map(file -> {
            String relative = root.relativize(file).toString().replace('\\', '/');
            return dynamicTest(relative, () -> {
                if (REJECTED.containsKey(relative)) {
                    assertThatThrownBy(() -> readAll(file))
                            .as(REJECTED.get(relative))
                            .isInstanceOf(StatementFormatException.class)
                            .hasMessageStartingWith(file.toString())
                            .hasMessageContaining("line ");
                } else {
                    assertThat(readAll(file)).as("statements of %s", relative).isPositive();
                }
            });
        });
    }

    /** Values the hbci4java test (TestCamtParse#test006) asserts for its camt.052.001.08 sample. */
    @Test
    void germanIntradayReportMatchesWhatItsSourceAsserts() {
        Path file = fixturesRoot().resolve(
                "hbci4j-hbci4java/src/test/resources/org/kapott/hbci4java/sepa/test-camt-parse-05200108.xml");
        List<StatementEvent> events = new ArrayList<>();
        try (StatementStream stream = StatementFormats.all().open(file)) {
            assertThat(stream.format()).isEqualTo("camt.052.001.08");
            StatementEvent event;
            while ((event = stream.next()) != null) {
                events.add(event);
            }
            assertThat(stream.balanceCheck().ok()).isTrue();
        }

        StatementHeader header = ((StatementEvent.Started) events.get(0)).header();
        assertThat(header.account().iban()).isEqualTo("DE12345678901234567890");
        assertThat(header.account().bic()).isEqualTo("ABCDEFG1ABC");
        assertThat(header.account().currency()).isEqualTo("EUR");
        StatementLine line = ((StatementEvent.Line) events.get(1)).line();
        assertThat(line.amount()).isEqualByComparingTo("-34");
        assertThat(line.bookingDate()).isEqualTo(LocalDate.of(2023, 11, 10));
        assertThat(line.valueDate()).isEqualTo(LocalDate.of(2023, 11, 10));
        assertThat(line.reversal()).isFalse();
        assertThat(line.counterparty().iban()).isEqualTo("DE12345678901234567892");
        assertThat(line.counterparty().bic()).isEqualTo("ABCDEFG1CBA");
        assertThat(line.counterparty().name()).isEqualTo("Beispiel AG");
        assertThat(line.remittance()).isEqualTo("Verwendungszweck");
        StatementTrailer trailer = ((StatementEvent.Ended) events.get(2)).trailer();
        assertThat(trailer.openingBalance().amount()).isEqualByComparingTo("100");
        assertThat(trailer.openingBalance().date()).isEqualTo(LocalDate.of(2023, 11, 8));
        assertThat(trailer.closingBalance().amount()).isEqualByComparingTo("66");
        assertThat(trailer.closingBalance().date()).isEqualTo(LocalDate.of(2023, 11, 10));
    }

    /** Reads the whole file; returns the number of statements. */
    private static int readAll(Path file) {
        int statements = 0;
        try (StatementStream stream = StatementFormats.all().open(file)) {
            StatementEvent event;
            while ((event = stream.next()) != null) {
                if (event instanceof StatementEvent.Started) {
                    statements++;
                }
            }
        }
        return statements;
    }

    private static Path fixturesRoot() {
        String property = System.getProperty("finbatch.fixtures");
        assumeTrue(property != null && !property.isBlank(), "finbatch.fixtures is not set");
        Path root = Path.of(property).toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(root), "fixtures folder absent: " + root);
        return root;
    }

    /** XML files that hold a camt namespace or message element (MT940 files and data files left out). */
    private static List<Path> camtFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> NOT_STATEMENTS.stream().noneMatch(file.getFileName().toString()::endsWith))
                    .filter(CamtFixturesTest::isCamt)
                    .sorted()
                    .toList();
        }
    }

    private static boolean isCamt(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(4096), StandardCharsets.ISO_8859_1).stripLeading();
            return (head.startsWith("<") || head.startsWith("\u00EF\u00BB\u00BF<"))
                    && (head.contains("camt") || head.contains("BkToCstmr"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
