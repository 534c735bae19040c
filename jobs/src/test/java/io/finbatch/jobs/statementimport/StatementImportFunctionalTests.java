package io.finbatch.jobs.statementimport;

import io.finbatch.jobs.FinanceBatchApplication;
import io.finbatch.jobs.support.Examples;
import io.finbatch.jobs.support.FailureInjection;
import io.finbatch.mappings.statement.StatementEvent;
import io.finbatch.readers.StatementFormats;
import io.finbatch.readers.StatementStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real {@code statementImport} job on a real database (H2 and PostgreSQL subclasses), over the
 * sample files in {@code examples/statements} and broken copies of them. Chunk size 2, so that every
 * file spans several chunks.
 */
@SpringBootTest(classes = FinanceBatchApplication.class, properties = {
    "finbatch.chunk-size=2",
    "finbatch.import.transient-backoff=10ms"
})
@Import(FailureInjection.Config.class)
abstract class StatementImportFunctionalTests {

    @Autowired
    StatementImportService imports;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @BeforeEach
    void emptyStaging() {
        FailureInjection.reset();
        jdbc.update("DELETE FROM statement_line");
        jdbc.update("DELETE FROM bank_statement");
        jdbc.update("DELETE FROM import_exception");
        jdbc.update("DELETE FROM statement_file");
    }

    @AfterEach
    void noInjectedFailureLeft() {
        FailureInjection.reset();
    }

    @Test
    void everyLogLineOfARunCarriesItsJobExecutionId() {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> captured =
                new ch.qos.logback.core.read.ListAppender<>();
        captured.start();
        root.addAppender(captured);
        ImportResult result;
        try {
            result = imports.importFile(Examples.file(Examples.CAMT053));
        } finally {
            root.detachAppender(captured);
        }
        List<ch.qos.logback.classic.spi.ILoggingEvent> ofTheRun = captured.list.stream()
                .filter(e -> e.getLoggerName().startsWith("io.finbatch.jobs.statementimport.ValidateFileTasklet"))
                .toList();
        assertThat(ofTheRun).isNotEmpty().allSatisfy(e -> assertThat(e.getMDCPropertyMap())
                .containsEntry("jobExecutionId", String.valueOf(result.executionId())));
        assertThat(org.slf4j.MDC.get("jobExecutionId")).as("cleared after the run").isNull();
    }

    @Test
    void importsTheSampleFilesAndCountsIntradayLinesAsDuplicatesOfTheEndOfDayStatement() {
        ImportResult intraday = imports.importFile(Examples.file(Examples.INTRADAY_MT942));
        ImportResult endOfDay = imports.importFile(Examples.file(Examples.MT940));
        ImportResult camt = imports.importFile(Examples.file(Examples.CAMT053));

        assertThat(intraday).extracting(ImportResult::status, ImportResult::format, ImportResult::statements,
                ImportResult::linesImported, ImportResult::duplicates).containsExactly("IMPORTED", "mt942", 1, 2L, 0L);
        assertThat(endOfDay).extracting(ImportResult::status, ImportResult::format, ImportResult::statements,
                ImportResult::linesImported, ImportResult::duplicates).containsExactly("IMPORTED", "mt940", 2, 4L, 2L);
        assertThat(camt).extracting(ImportResult::status, ImportResult::format, ImportResult::statements,
                ImportResult::linesImported, ImportResult::duplicates)
                .containsExactly("IMPORTED", "camt.053.001.08", 1, 7L, 0L);
        assertThat(count("statement_line")).isEqualTo(13);
        assertThat(jdbc.queryForObject("SELECT SUM(amount) FROM statement_line WHERE account_key = ?",
                java.math.BigDecimal.class, "NL91ABNA0417164300")).isEqualByComparingTo("9125.38");
        // the pending camt entry is not staged
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM statement_line WHERE bank_reference = ?", Long.class,
                "ABNA2610300000106")).isZero();
    }

    @Test
    void batchDetailsAreStagedEachWithItsOwnAmountAndId() {
        imports.importFile(Examples.file(Examples.CAMT053));
        List<Map<String, Object>> batch = jdbc.queryForList("SELECT amount, unique_import_id, batch_reference"
                + " FROM statement_line WHERE end_to_end_id LIKE 'PAYRUN-2026-10-%' ORDER BY end_to_end_id");
        assertThat(batch).hasSize(3);
        assertThat(batch).extracting(row -> ((java.math.BigDecimal) row.get("amount")).stripTrailingZeros()
                .toPlainString()).containsExactly("-1200", "-1000", "-800");
        assertThat(batch).extracting(row -> row.get("unique_import_id")).doesNotHaveDuplicates();
    }

    @Test
    void reimportingAFileAddsNothingAndSaysItWasAlreadyImported() {
        ImportResult first = imports.importFile(Examples.file(Examples.CAMT053));
        long lines = count("statement_line");

        ImportResult second = imports.importFile(Examples.file(Examples.CAMT053));

        assertThat(second.status()).isEqualTo("ALREADY_IMPORTED");
        assertThat(second.linesImported()).isZero();
        assertThat(second.message()).contains("already imported").contains(String.valueOf(first.executionId()));
        assertThat(count("statement_line")).isEqualTo(lines);
        assertThat(count("bank_statement")).isEqualTo(1);
    }

    @Test
    void aStatementArrivingAgainInAnotherFileIsCountedAsDuplicates() {
        imports.importFile(Examples.file(Examples.CAMT053));
        // the same statement, re-sent by the bank with another message id: another file, same bookings
        Path resent = Examples.altered(Examples.CAMT053, dir, "resent.xml",
                text -> text.replace("ABNA-20261030-0001", "ABNA-20261030-0002"));

        ImportResult result = imports.importFile(resent);

        assertThat(result.status()).isEqualTo("IMPORTED");
        assertThat(result.linesImported()).isZero();
        assertThat(result.duplicates()).isEqualTo(7);
        assertThat(count("statement_line")).isEqualTo(7);
    }

    @Test
    void aBankReusingStatementIdsTheNextYearStillGetsItsLinesImported() {
        imports.importFile(Examples.file(Examples.MT940));
        Path nextYear = Examples.altered(Examples.MT940, dir, "next-year.mt940",
                text -> text.replace(":61:2610", ":61:2710").replace("C2610", "C2710"));

        ImportResult result = imports.importFile(nextYear);

        assertThat(result.status()).isEqualTo("IMPORTED");
        assertThat(result.linesImported()).isEqualTo(6);
        assertThat(result.duplicates()).isZero();
    }

    @Test
    void aFailureInsideAChunkRollsItBackAndARestartResumesWithNoGapAndNoDuplicate() {
        FailureInjection.failInChunk(3, false);

        ImportResult failed = imports.importFile(Examples.file(Examples.CAMT053));

        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.message()).contains("injected: disk full in chunk 3");
        // chunks 1 and 2 committed (statement start + 3 lines), chunk 3 rolled back
        assertThat(count("statement_line")).isEqualTo(3);

        ImportResult restarted = imports.restart(failed.executionId(), false);

        assertThat(restarted.status()).isEqualTo("IMPORTED");
        assertThat(restarted.linesImported()).isEqualTo(7);
        assertThat(restarted.duplicates()).isZero();
        assertThat(jdbc.queryForList("SELECT unique_import_id FROM statement_line", String.class))
                .containsExactlyInAnyOrderElementsOf(uniqueIdsOfBookedLines(Examples.file(Examples.CAMT053)));
    }

    @Test
    void aTransientDatabaseFaultIsRetriedFromTheLastCommittedChunk() {
        FailureInjection.failInChunk(2, true);

        ImportResult result = imports.importFile(Examples.file(Examples.MT940));

        assertThat(result.status()).isEqualTo("IMPORTED");
        assertThat(result.linesImported()).isEqualTo(6);
        assertThat(jdbc.queryForList("SELECT unique_import_id FROM statement_line", String.class))
                .containsExactlyInAnyOrderElementsOf(uniqueIdsOfBookedLines(Examples.file(Examples.MT940)));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID ="
                + " (SELECT JOB_INSTANCE_ID FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?)", Long.class,
                result.executionId())).as("the failed execution and its automatic restart").isEqualTo(2);
    }

    @Test
    void aStatementThatDoesNotBalanceIsRejectedWithTheDifferenceAndNothingIsStaged() {
        Path bad = Examples.altered(Examples.CAMT053, dir, "bad-balance.xml",
                text -> text.replaceFirst("59125\\.38", "59125.00"));

        ImportResult result = imports.importFile(bad);

        assertThat(result.status()).isEqualTo("REJECTED");
        assertThat(result.message()).contains("bad-balance.xml").contains("does not balance")
                .contains("difference -0.38");
        assertNothingStaged();
        assertThat(exceptionReasons()).anySatisfy(reason -> assertThat(reason).contains("does not balance"));
    }

    @Test
    void aBadAccountIbanIsRejected() {
        Path bad = Examples.altered(Examples.CAMT053, dir, "bad-iban.xml",
                text -> text.replace("<IBAN>NL91ABNA0417164300</IBAN></Id>\n        <Ccy>",
                        "<IBAN>NL92ABNA0417164300</IBAN></Id>\n        <Ccy>"));

        ImportResult result = imports.importFile(bad);

        assertThat(result.status()).isEqualTo("REJECTED");
        assertThat(result.message()).contains("bad-iban.xml").contains("IBAN check").doesNotContain("0417164300");
        assertNothingStaged();
    }

    @Test
    void aTruncatedFileIsRejectedNamingTheLocation() {
        Path truncated = Examples.altered(Examples.CAMT053, dir, "truncated.xml",
                text -> text.substring(0, text.indexOf("<NtryRef>4</NtryRef>")));

        ImportResult result = imports.importFile(truncated);

        assertThat(result.status()).isEqualTo("REJECTED");
        assertThat(result.message()).contains("truncated.xml").containsPattern("line \\d+");
        assertNothingStaged();
    }

    @Test
    void anXmlFileWithADtdIsRejected() {
        Path withDtd = Examples.altered(Examples.CAMT053, dir, "xxe.xml", text -> text.replace(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE Document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"));

        ImportResult result = imports.importFile(withDtd);

        assertThat(result.status()).isEqualTo("REJECTED");
        assertThat(result.message()).contains("xxe.xml").containsIgnoringCase("DTD");
        assertNothingStaged();
    }

    @Test
    void aMalformedEntryIsSkippedIntoTheExceptionQueueWithAMaskedSnippet() {
        Path broken = Examples.altered(Examples.INTRADAY_MT942, dir, "broken-entry.mt942",
                text -> text.replace(":61:2610301030D89,90NDDT", ":61:26103X1030D89,90NDDT"));

        ImportResult result = imports.importFile(broken);

        assertThat(result.status()).isEqualTo("IMPORTED");
        assertThat(result.linesImported()).isEqualTo(1);
        assertThat(result.skipped()).isEqualTo(1);
        Map<String, Object> skipped = jdbc.queryForMap("SELECT kind, location, reason, snippet FROM import_exception");
        assertThat(value(skipped, "kind")).isEqualTo("SKIPPED_ENTRY");
        assertThat(String.valueOf(value(skipped, "location"))).containsPattern("line \\d+");
        assertThat(String.valueOf(value(skipped, "snippet"))).doesNotContain("DE44500105175407324931");
    }

    @Test
    void moreMalformedEntriesThanTheSkipLimitRejectTheWholeFile() {
        Path broken = Examples.altered(Examples.INTRADAY_MT942, dir, "many-broken.mt942", text -> {
            String bad = ":61:26103X1030D1,00NDDTNONREF//X\r\n:86:broken\r\n";
            return text.replace(":90D:", bad.repeat(51) + ":90D:");
        });

        ImportResult result = imports.importFile(broken);

        assertThat(result.status()).isEqualTo("REJECTED");
        assertThat(result.message()).contains("51 malformed entries, more than the skip limit of 50");
        assertNothingStaged();
    }

    private static Object value(Map<String, Object> row, String column) {
        return row.containsKey(column) ? row.get(column) : row.get(column.toUpperCase(java.util.Locale.ROOT));
    }

    @Test
    void aRejectedFileFixedAndSentAgainIsImported() {
        Path bad = Examples.altered(Examples.CAMT053, dir, "bad-balance.xml",
                text -> text.replaceFirst("59125\\.38", "59125.00"));
        assertThat(imports.importFile(bad).status()).isEqualTo("REJECTED");

        assertThat(imports.importFile(Examples.file(Examples.CAMT053)).status()).isEqualTo("IMPORTED");
        assertThat(count("statement_line")).isEqualTo(7);
    }

    private void assertNothingStaged() {
        assertThat(count("bank_statement")).isZero();
        assertThat(count("statement_line")).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM statement_file WHERE status = 'REJECTED'", Long.class))
                .isEqualTo(1);
    }

    private List<String> exceptionReasons() {
        return jdbc.queryForList("SELECT reason FROM import_exception", String.class);
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    static List<String> uniqueIdsOfBookedLines(Path file) {
        List<String> ids = new ArrayList<>();
        try (StatementStream stream = StatementFormats.all().open(file)) {
            StatementEvent event;
            while ((event = stream.next()) != null) {
                if (event instanceof StatementEvent.Line line && line.line().booked()) {
                    ids.add(line.line().uniqueImportId());
                }
            }
        }
        return ids;
    }
}
