package io.finbatch.jobs.banklines;

import io.finbatch.jobs.FinanceBatchApplication;
import io.finbatch.jobs.statementimport.ImportResult;
import io.finbatch.jobs.statementimport.StatementImportService;
import io.finbatch.jobs.support.Examples;
import io.finbatch.writers.periods.FiscalPeriodRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample statements of {@code examples/statements} through {@code statementImport} then
 * {@code bankLineMapping} (H2 and PostgreSQL subclasses), with the reviewed rules of {@code mappings/rules}
 * plus one test file for an account of an entity of its own (ACME-LK), whose September is LOCKED.
 */
@SpringBootTest(classes = FinanceBatchApplication.class, properties = "finbatch.chunk-size=4")
@Import(FailingMappingWriterConfig.class)
abstract class BankLineMappingFunctionalTests {

    static final String DE = "DE89370400440532013000";
    static final String NL = "NL91ABNA0417164300";
    static final String LK = "LK-TEST-0001";

    @Autowired
    BankLineMappingService mapping;

    @Autowired
    StatementImportService imports;

    @Autowired
    FiscalPeriodRepository periods;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JobOperator jobOperator;

    @Autowired
    JobRepository jobRepository;

    /** A copy of the reviewed rules with a catch-all file for the ACME-LK test account. */
    static void rulesProperties(DynamicPropertyRegistry registry) {
        try {
            Path dir = Files.createTempDirectory("bank-line-rules");
            Path reviewed = Examples.folder().getParent().getParent().resolve("mappings/rules");
            try (Stream<Path> files = Files.list(reviewed)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                    Files.copy(file, dir.resolve(file.getFileName()));
                }
            }
            Files.writeString(dir.resolve("zz-test-acme-lk.yml"), """
                    accounts:
                      LK-TEST-0001:
                        entity: ACME-LK
                        ledger_account: "1000"
                        currency: EUR
                    rules:
                      - name: lk-everything
                        target:
                          account: "9999"
                          label: "LK {remittance}"
                    """);
            registry.add("finbatch.rules.dir", dir::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void sampleStatementsImported() {
        for (String table : List.of("bank_line_mapping", "import_exception", "journal_line", "statement_line",
                "bank_statement", "statement_file")) {
            jdbc.update("DELETE FROM " + table);
        }
        FailingMappingWriterConfig.failInChunk.set(-1);
        for (String file : List.of(Examples.INTRADAY_MT942, Examples.MT940, Examples.CAMT053)) {
            ImportResult result = imports.importFile(Examples.file(file));
            assertThat(result.status()).as(result.message()).isEqualTo("IMPORTED");
        }
    }

    @Test
    void everyGermanLineIsMatchedAndTheDutchReversalIsLeftUnmatchedWithItsReason() {
        BankLineMappingService.MappingRunResult run = mapping.mapBankLines();

        assertThat(run.status()).as(run.message()).isEqualTo("COMPLETED");
        assertThat(outcomes(DE)).isEqualTo(Map.of("MATCHED", staged(DE)));
        assertThat(outcomes(NL)).isEqualTo(Map.of("MATCHED", staged(NL) - 1, "UNMATCHED", 1L));
        assertThat(run.matched()).isEqualTo(staged(DE) + staged(NL) - 1);
        assertThat(run.unmatched()).isEqualTo(1);
        assertThat(run.locked()).isZero();
        assertThat(run.unmatchedLines()).singleElement().satisfies(line -> {
            assertThat(line.account()).isEqualTo("NL91**********4300");
            assertThat(line.date()).hasToString("2026-10-30");
            assertThat(line.amount()).isEqualByComparingTo("45.00");
            assertThat(line.reason()).isEqualTo("no rule matches");
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_line WHERE source = 'BANK_RULES'", Long.class))
                .isEqualTo(2 * run.matched());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_line WHERE source = 'BANK_RULES'"
                + " AND account = '612000' AND entity = 'ACME-DE'", Long.class)).as("the rent rule above the supplier rule")
                .isEqualTo(1);
    }

    @Test
    void theJournalLinesOfEveryStatementLineBalanceAndMirrorItsAmount() {
        mapping.mapBankLines();

        List<Map<String, Object>> unbalanced = jdbc.queryForList("SELECT j.entry_id, SUM(j.debit), SUM(j.credit)"
                + " FROM journal_line j WHERE j.source = 'BANK_RULES' GROUP BY j.entry_id"
                + " HAVING COUNT(*) <> 2 OR SUM(j.debit) <> SUM(j.credit)"
                + " OR SUM(j.debit) <> (SELECT ABS(l.amount) FROM statement_line l WHERE l.unique_import_id = j.entry_id)");
        assertThat(unbalanced).isEmpty();
        // money in debits the bank's ledger account (/1), money out credits it
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_line j JOIN statement_line l"
                + " ON j.source_line_id = l.unique_import_id || '/1' WHERE j.source = 'BANK_RULES'"
                + " AND ((l.amount > 0 AND j.debit = 0) OR (l.amount < 0 AND j.credit = 0)"
                + " OR j.account NOT IN ('101401', '1100'))", Long.class)).isZero();
    }

    @Test
    void aSecondRunAddsNothing() {
        BankLineMappingService.MappingRunResult first = mapping.mapBankLines();
        List<Map<String, Object>> journal = jdbc.queryForList("SELECT * FROM journal_line ORDER BY id");
        long marks = jdbc.queryForObject("SELECT COUNT(*) FROM bank_line_mapping", Long.class);

        BankLineMappingService.MappingRunResult second = mapping.mapBankLines();

        assertThat(second.status()).isEqualTo("COMPLETED");
        assertThat(second.executionId()).isNotEqualTo(first.executionId());
        assertThat(second.matched()).isZero();
        assertThat(second.locked()).isZero();
        assertThat(second.unmatched()).as("the unmatched line is tried again").isEqualTo(1);
        assertThat(second.unmatchedLines()).hasSize(1);
        assertThat(jdbc.queryForList("SELECT * FROM journal_line ORDER BY id")).isEqualTo(journal);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bank_line_mapping", Long.class)).isEqualTo(marks);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM import_exception", Long.class)).isZero();
    }

    @Test
    void aLineOfALockedPeriodGoesToTheExceptionQueueAndLinesOfUnknownAccountsStayUnmatched() {
        // an entity of its own: a LOCKED period stays locked for the rest of this database's life
        periods.setCutoff("ACME-LK", YearMonth.of(2026, 9), Instant.parse("2026-10-03T18:00:00Z"), "controller");
        periods.lock("ACME-LK", YearMonth.of(2026, 9), "controller");
        stageLine("lk-test-locked", LK, "2026-09-30", "-12.34");
        stageLine("lk-test-open", LK, "2026-10-01", "56.78");
        stageLine("unknown-account-1", "XX00UNKNOWN0042", "2026-10-01", "1.00");

        BankLineMappingService.MappingRunResult run = mapping.mapBankLines();

        assertThat(run.status()).as(run.message()).isEqualTo("COMPLETED");
        assertThat(run.locked()).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT reason FROM import_exception WHERE kind = 'PERIOD_LOCKED'", String.class))
                .singleElement().satisfies(reason -> assertThat(reason)
                        .startsWith("period locked: ACME-LK 2026-09").contains("lk-test-locked"));
        assertThat(jdbc.queryForList("SELECT source_line_id FROM journal_line WHERE entity = 'ACME-LK' ORDER BY 1",
                String.class)).containsExactly("lk-test-open/1", "lk-test-open/2");
        assertThat(run.unmatchedLines()).extracting(BankLineMappingService.UnmatchedLine::reason)
                .containsExactlyInAnyOrder("no rule matches", "no rules for bank account XX00*******0042");

        BankLineMappingService.MappingRunResult again = mapping.mapBankLines();

        assertThat(again.locked()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM import_exception", Long.class)).isEqualTo(1);
    }

    @Test
    void aRunThatFailedInAChunkIsRestartedFromTheLinesNotMappedYetAndEndsWithTheSameJournal() throws Exception {
        FailingMappingWriterConfig.failInChunk(2);

        BankLineMappingService.MappingRunResult failed = mapping.mapBankLines();

        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.message()).contains("injected");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bank_line_mapping", Long.class)).as("chunk 1 only")
                .isEqualTo(4);
        long firstChunkJournal = jdbc.queryForObject("SELECT COUNT(*) FROM journal_line", Long.class);
        assertThat(firstChunkJournal).isBetween(6L, 8L);

        var restarted = jobOperator.restart(jobRepository.getJobExecution(failed.executionId()));

        assertThat(restarted.getStatus().name()).isEqualTo("COMPLETED");
        long lines = staged(DE) + staged(NL);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bank_line_mapping", Long.class)).isEqualTo(lines);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_line WHERE source = 'BANK_RULES'", Long.class))
                .isEqualTo(2 * (lines - 1));
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT source_line_id) FROM journal_line", Long.class))
                .isEqualTo(2 * (lines - 1));
    }

    private Map<String, Long> outcomes(String account) {
        Map<String, Long> outcomes = new java.util.TreeMap<>();
        jdbc.query("SELECT m.outcome, COUNT(*) FROM bank_line_mapping m JOIN statement_line l ON l.id = m.statement_line_id"
                + " WHERE l.account_key = ? GROUP BY m.outcome", rs -> {
                    outcomes.put(rs.getString(1), rs.getLong(2));
                }, account);
        return outcomes;
    }

    private long staged(String account) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM statement_line WHERE account_key = ?", Long.class, account);
    }

    /** A booked line added to the first staged statement, as if a bank had sent it. */
    private void stageLine(String uniqueImportId, String account, String date, String amount) {
        long statementId = jdbc.queryForObject("SELECT MIN(id) FROM bank_statement", Long.class);
        jdbc.update("INSERT INTO statement_line (unique_import_id, bank_statement_id, account_key, booking_date,"
                + " value_date, amount, currency, reversal, remittance, imported_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, 'EUR', FALSE, 'test line', ?)", uniqueImportId, statementId, account,
                java.sql.Date.valueOf(date), java.sql.Date.valueOf(date), new BigDecimal(amount),
                Timestamp.from(Instant.now()));
    }
}
