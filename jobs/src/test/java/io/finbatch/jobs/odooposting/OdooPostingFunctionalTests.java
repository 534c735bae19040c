package io.finbatch.jobs.odooposting;

import io.finbatch.jobs.FinanceBatchApplication;
import io.finbatch.jobs.statementimport.StatementImportService;
import io.finbatch.jobs.support.Examples;
import io.finbatch.mappings.journal.JournalEntry;
import io.finbatch.mappings.journal.JournalEntryLine;
import io.finbatch.jobs.support.TestOdoo;
import io.finbatch.odoosandbox.OdooSandbox;
import io.finbatch.odoosandbox.SandboxOptions;
import io.finbatch.readers.journal.JournalEntryCsvReader;
import io.finbatch.writers.journal.JournalEntryStore;
import io.finbatch.writers.odoo.OdooClient;
import io.finbatch.writers.odoo.OdooClients;
import io.finbatch.writers.odoo.OdooProtocol;
import io.finbatch.writers.odoo.OdooSettings;
import io.finbatch.writers.posting.OdooBatchPoster;
import io.finbatch.writers.posting.OdooDirectory;
import io.finbatch.writers.posting.OutboxItem;
import io.finbatch.writers.posting.OutboxKind;
import io.finbatch.writers.posting.PostingResult;
import io.finbatch.writers.posting.PreparedPosting;
import io.finbatch.writers.periods.FiscalPeriodRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real {@code odooPosting} job against the Odoo sandbox (H2 and PostgreSQL subclasses): the sample
 * statements and entries posted once and never twice, through crashes, 503 storms, refused records,
 * a revoked key and Odoo's lock dates.
 */
@SpringBootTest(classes = {FinanceBatchApplication.class, OdooPostingFunctionalTests.BeforePosting.class})
abstract class OdooPostingFunctionalTests {

    /** Run at the start of the posting step (after the run read Odoo's lock date), when set by a test. */
    static final AtomicReference<Runnable> BEFORE_POSTING = new AtomicReference<>();

    @TestConfiguration(proxyBeanMethods = false)
    static class BeforePosting {

        @Bean
        static BeanPostProcessor beforePostingHook() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof AbstractStep step && step.getName().equals("postToOdoo")) {
                        step.registerStepExecutionListener(new StepExecutionListener() {
                            @Override
                            public void beforeStep(StepExecution execution) {
                                Runnable hook = BEFORE_POSTING.getAndSet(null);
                                if (hook != null) {
                                    hook.run();
                                }
                            }
                        });
                    }
                    return bean;
                }
            };
        }
    }

    static final String DE_ACCOUNT = "DE89370400440532013000";
    static final String NL_ACCOUNT = "NL91ABNA0417164300";
    static final String LINE_MODEL = "account.bank.statement.line";

    static OdooSandbox sandbox;

    @Autowired
    OdooPostingService posting;

    @Autowired
    StatementImportService imports;

    @Autowired
    JournalEntryStore entries;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FiscalPeriodRepository periods;

    static void odooProperties(DynamicPropertyRegistry registry) {
        sandbox = TestOdoo.startSandbox(registry, 6);
        registry.add("finbatch.odoo.batch-size", () -> "100");
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.stop();
    }

    @BeforeEach
    void freshOdooAndStaging() {
        BEFORE_POSTING.set(null);
        sandbox.faults().clear();
        sandbox.reset();
        sandbox.addBankJournal("Bank DE", "BDE", DE_ACCOUNT, "EUR");
        sandbox.addBankJournal("Bank NL", "BNL", NL_ACCOUNT, "EUR");
        for (String partner : List.of("SCI Les Tilleuls", "Northwind Traders Ltd")) {
            sandbox.call("res.partner", "create", List.of(Map.of("name", partner)), Map.of());
        }
        jdbc.update("DELETE FROM fiscal_period WHERE status <> 'LOCKED'");
        for (String table : List.of("odoo_outbox", "journal_entry_line", "journal_entry", "statement_line",
                "bank_statement", "import_exception", "statement_file")) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    @Test
    void postsEveryStatementLineAndJournalEntryOnceAndASecondRunCreatesNothing() {
        stageTheSamples();

        PostingRunResult lines = posting.post(PostingKinds.STATEMENTS);
        PostingRunResult moves = posting.post(PostingKinds.ENTRIES);

        assertThat(lines).extracting(PostingRunResult::status, PostingRunResult::posted, PostingRunResult::skipped)
                .containsExactly("COMPLETED", 13L, 0L);
        assertThat(moves).extracting(PostingRunResult::status, PostingRunResult::posted, PostingRunResult::skipped)
                .containsExactly("COMPLETED", 3L, 0L);
        assertThat(ourRecords(LINE_MODEL, "FB-L-")).hasSize(13);
        assertThat(ourRecords("account.move", "FB-E-")).hasSize(3)
                .allSatisfy(move -> assertThat(move.get("state")).isEqualTo("posted"));
        assertThat(outboxStates()).containsOnlyKeys("CONFIRMED");

        PostingRunResult again = posting.post(PostingKinds.STATEMENTS);
        posting.post(PostingKinds.ENTRIES);

        assertThat(again.posted()).isZero();
        assertThat(ourRecords(LINE_MODEL, "FB-L-")).hasSize(13);
        assertThat(ourRecords("account.move", "FB-E-")).hasSize(3);
    }

    @Test
    void postingPartitionedPerJournalPostsEveryLineOnce() {
        stageTheSamples();

        PostingRunResult lines = posting.postPartitioned(PostingKinds.STATEMENTS);

        assertThat(lines).extracting(PostingRunResult::status, PostingRunResult::posted, PostingRunResult::skipped)
                .containsExactly("COMPLETED", 13L, 0L);
        assertThat(jdbc.queryForList("SELECT STEP_NAME FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?"
                + " AND STEP_NAME LIKE 'postJournal:%'", String.class, lines.executionId()))
                .as("one partition per bank journal").hasSize(2);
        assertThat(ourRecords(LINE_MODEL, "FB-L-")).hasSize(13);
        assertThat(ourRecords(LINE_MODEL, "FB-L-").stream().map(r -> r.get("ref")).distinct()).hasSize(13);
        assertThat(outboxStates()).containsOnlyKeys("CONFIRMED");
        assertThat(posting.postPartitioned(PostingKinds.STATEMENTS).posted()).isZero();
    }

    @Test
    void postingFromAFreshLocalDatabaseFindsWhatOdooAlreadyHas() {
        stageTheSamples();
        posting.post(PostingKinds.STATEMENTS);
        jdbc.update("DELETE FROM odoo_outbox"); // a local database that lost every trace of the posting

        PostingRunResult again = posting.post(PostingKinds.STATEMENTS);

        assertThat(again.posted()).isZero();
        assertThat(again.alreadyPresent()).isEqualTo(13);
        assertThat(ourRecords(LINE_MODEL, "FB-L-")).hasSize(13);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM odoo_outbox WHERE state = 'CONFIRMED' AND found_in_odoo"
                + " AND odoo_id IS NOT NULL AND odoo_date IS NOT NULL", Long.class)).isEqualTo(13);
    }

    @Test
    void postingFromAFreshLocalDatabaseCreatesOnlyWhatOdooDoesNotHave() {
        stageTheSamples();
        posting.post(PostingKinds.STATEMENTS);
        List<Map<String, Object>> posted = ourRecords(LINE_MODEL, "FB-L-");
        jdbc.update("DELETE FROM odoo_outbox");
        // Odoo lost three of them meanwhile (deleted there): those, and only those, are posted again
        List<Long> lost = posted.stream().limit(3).map(r -> ((Number) r.get("id")).longValue()).toList();
        sandbox.call(LINE_MODEL, "unlink", List.of(lost), Map.of());

        PostingRunResult again = posting.post(PostingKinds.STATEMENTS);

        assertThat(again).extracting(PostingRunResult::status, PostingRunResult::posted,
                PostingRunResult::alreadyPresent).containsExactly("COMPLETED", 3L, 10L);
        assertThat(ourRecords(LINE_MODEL, "FB-L-")).hasSize(13);
        assertThat(ourRecords(LINE_MODEL, "FB-L-").stream().map(r -> r.get("ref")).distinct()).hasSize(13);
    }

    @Test
    void aConnectionDroppedAfterOdooCommittedCreatesNoDuplicate() {
        stageTheSamples();
        sandbox.faults().dropAfterCommitNext(1);

        PostingRunResult result = posting.post(PostingKinds.STATEMENTS);

        assertThat(result.status()).isEqualTo("COMPLETED");
        assertThat(ourRecords(LINE_MODEL, "FB-L-")).hasSize(13);
        assertThat(outboxStates()).containsOnlyKeys("CONFIRMED");
    }

    @Test
    void itemsLeftSentByACrashAreReconciledBeforeAnythingIsSent() {
        stageTheSamples();
        posting.post(PostingKinds.STATEMENTS);
        // what a crash between Odoo's commit and ours leaves: Odoo has the records, our outbox says SENT
        jdbc.update("UPDATE odoo_outbox SET state = 'SENT', odoo_id = NULL WHERE id IN"
                + " (SELECT id FROM odoo_outbox ORDER BY id FETCH FIRST 5 ROWS ONLY)");

        PostingRunResult restarted = posting.post(PostingKinds.STATEMENTS);

        assertThat(restarted.status()).isEqualTo("COMPLETED");
        assertThat(restarted.posted()).isZero();
        assertThat(restarted.alreadyPresent()).isEqualTo(5);
        assertThat(ourRecords(LINE_MODEL, "FB-L-")).hasSize(13);
        assertThat(outboxStates()).containsOnlyKeys("CONFIRMED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM odoo_outbox WHERE odoo_id IS NULL", Long.class)).isZero();
    }

    @Test
    void aStormOf503AnswersIsSurvivedWithRetries() {
        stageTheSamples();
        sandbox.faults().failNext(4, 503);

        PostingRunResult result = posting.post(PostingKinds.STATEMENTS);

        assertThat(result.status()).isEqualTo("COMPLETED");
        assertThat(result.posted()).isEqualTo(13);
        assertThat(ourRecords(LINE_MODEL, "FB-L-")).hasSize(13);
    }

    @Test
    void oneRecordOdooRefusesInABatchOf100LetsTheOther99Post() {
        for (int i = 1; i <= 100; i++) {
            BigDecimal credit = i == 37 ? new BigDecimal("90.00") : new BigDecimal("100.00");
            entries.saveIfAbsent(new JournalEntry("BULK-" + i, "ACME-DE", "MISC", LocalDate.of(2026, 10, 31),
                    "bulk " + i, List.of(
                            new JournalEntryLine("600000", null, "bulk " + i, new BigDecimal("100.00"), null, null,
                                    null, null),
                            new JournalEntryLine("101401", null, "bulk " + i, null, credit, null, null, null))),
                    "test");
        }

        PostingRunResult result = posting.post(PostingKinds.ENTRIES);

        assertThat(result).extracting(PostingRunResult::status, PostingRunResult::posted, PostingRunResult::skipped)
                .containsExactly("COMPLETED", 99L, 1L);
        assertThat(jdbc.queryForObject("SELECT last_error FROM odoo_outbox WHERE state = 'SKIPPED'", String.class))
                .contains("The entry is not balanced.");
        assertThat(jdbc.queryForObject("SELECT business_key FROM odoo_outbox WHERE state = 'SKIPPED'", String.class))
                .isEqualTo("FB-E-BULK-37");
        assertThat(ourRecords("account.move", "FB-E-BULK-")).hasSize(99);
    }

    @Test
    void aRevokedApiKeyStopsTheJobAtOnceWithAClearMessage() {
        stageTheSamples();
        sandbox.faults().failNext(50, 401);

        PostingRunResult result = posting.post(PostingKinds.STATEMENTS);

        assertThat(result.status()).isEqualTo("FAILED");
        assertThat(result.message()).contains("Odoo refused access").contains("HTTP 401")
                .contains("FINBATCH_ODOO_API_KEY").doesNotContain(SandboxOptions.DEFAULT_API_KEY);
        assertThat(sandbox.faults().state().get("failNext")).as("no retry after a 401")
                .isEqualTo(49);
        assertThat(ourRecords(LINE_MODEL, "FB-L-")).isEmpty();
    }

    @Test
    void itemsDatedOnOrBeforeOdoosLockDateStayOutAndAreQueuedAsExceptions() {
        stageTheSamples();
        sandbox.call("res.company", "write", List.of(List.of(1), Map.of("fiscalyear_lock_date", "2026-10-29")),
                Map.of());

        PostingRunResult result = posting.post(PostingKinds.STATEMENTS);

        assertThat(result.status()).isEqualTo("COMPLETED");
        assertThat(result.skipped()).isEqualTo(2); // the two bookings of 29 October
        assertThat(result.posted()).isEqualTo(11);
        assertThat(jdbc.queryForList("SELECT last_error FROM odoo_outbox WHERE state = 'SKIPPED'", String.class))
                .allSatisfy(reason -> assertThat(reason).contains("period locked in Odoo")
                        .contains("2026-10-29"));
    }

    @Test
    void linesAlreadyInOdooBeforeItsLockDateMovedPastThemAreConfirmedNotQueued() {
        stageTheSamples();
        posting.post(PostingKinds.STATEMENTS);
        jdbc.update("DELETE FROM odoo_outbox");
        // all lines are reconciled in Odoo, so the lock is accepted; then a fresh local database posts again
        for (Map<String, Object> line : ourRecords(LINE_MODEL, "FB-L-")) {
            sandbox.reconcileStatementLine(((Number) line.get("id")).longValue());
        }
        sandbox.call("res.company", "write", List.of(List.of(1), Map.of("fiscalyear_lock_date", "2026-10-29")),
                Map.of());

        PostingRunResult again = posting.post(PostingKinds.STATEMENTS);

        assertThat(again.skipped()).isZero();
        assertThat(again.alreadyPresent()).isEqualTo(13);
    }

    @Test
    void anEntryNamingAPartnerOdooDoesNotKnowIsQueuedNotPostedWithoutIt() {
        entries.saveIfAbsent(new JournalEntry("UNKNOWN-PARTNER-1", "ACME-DE", "MISC", LocalDate.of(2026, 10, 31), "x",
                List.of(new JournalEntryLine("600000", null, "x", new BigDecimal("5.00"), null, null, null, null),
                        new JournalEntryLine("211000", "Nobody Known GmbH", "x", null, new BigDecimal("5.00"), null,
                                null, null))), "test");

        PostingRunResult result = posting.post(PostingKinds.ENTRIES);

        assertThat(result.skipped()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT last_error FROM odoo_outbox WHERE state = 'SKIPPED'", String.class))
                .contains("no Odoo partner named 'Nobody Known GmbH'");
    }

    @Test
    void aRevokedApiKeyStopsTheJobEvenWithNothingToPost() {
        sandbox.faults().failNext(50, 401);

        PostingRunResult result = posting.post(PostingKinds.STATEMENTS);

        assertThat(result.status()).isEqualTo("FAILED");
        assertThat(result.message()).contains("Odoo refused access");
    }

    @Test
    void anEntryOfAPeriodLockedHereIsQueuedAsAnException() {
        // an entity of its own: a LOCKED period stays locked for the rest of this database's life
        entries.saveIfAbsent(new JournalEntry("LOCKED-1", "ACME-LOCKED", "MISC", LocalDate.of(2026, 10, 31), "late",
                List.of(new JournalEntryLine("600000", null, "late", new BigDecimal("5.00"), null, null, null, null),
                        new JournalEntryLine("101401", null, "late", null, new BigDecimal("5.00"), null, null, null))),
                "test");
        periods.setCutoff("ACME-LOCKED", YearMonth.of(2026, 10), Instant.parse("2026-11-03T18:00:00Z"), "controller");
        periods.lock("ACME-LOCKED", YearMonth.of(2026, 10), "controller");

        PostingRunResult result = posting.post(PostingKinds.ENTRIES);

        assertThat(result.skipped()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT last_error FROM odoo_outbox WHERE state = 'SKIPPED'", String.class))
                .contains("period locked: ACME-LOCKED 2026-10");
        assertThat(ourRecords("account.move", "FB-E-")).isEmpty();
    }

    @Test
    void anEntryOdooRedatesIntoAnOpenPeriodIsFlagged() {
        try (OdooClient odoo = OdooClients.create(new OdooSettings(sandbox.url(), "finance", "admin",
                SandboxOptions.DEFAULT_API_KEY, OdooProtocol.AUTO, Duration.ofSeconds(5), Duration.ofSeconds(5), 0, 1,
                Duration.ofMillis(1), Duration.ofMillis(1)))) {
            OdooDirectory directory = new OdooDirectory(odoo, Map.of());
            assertThat(directory.lockDate()).isEmpty(); // read before the lock below: the item is not kept out
            sandbox.call("res.company", "write", List.of(List.of(1), Map.of("fiscalyear_lock_date", "2026-10-30")),
                    Map.of());
            OutboxItem item = new OutboxItem(1, "FB-E-LATE-1", OutboxKind.JOURNAL_ENTRY, 1, LocalDate.of(2026, 10, 15),
                    "PENDING", 0);
            Map<String, Object> move = Map.of("move_type", "entry", "journal_id", directory.journalByCode("MISC").get(),
                    "date", "2026-10-15", "ref", "FB-E-LATE-1", "line_ids", List.of(
                            List.of(0, 0, Map.of("account_id", directory.accountByCode("600000").get(), "name", "late",
                                    "debit", 10, "credit", 0)),
                            List.of(0, 0, Map.of("account_id", directory.accountByCode("101401").get(), "name", "late",
                                    "debit", 0, "credit", 10))));

            OdooBatchPoster poster = new OdooBatchPoster(directory);
            List<PostingResult> results = poster.post(OutboxKind.JOURNAL_ENTRY, List.of(PreparedPosting.ready(item, move)));

            assertThat(results).singleElement().isInstanceOfSatisfying(PostingResult.Confirmed.class, confirmed ->
                    assertThat(poster.bookedDates(OutboxKind.JOURNAL_ENTRY, List.of(confirmed.odooId())))
                            .hasEntrySatisfying(confirmed.odooId(),
                                    date -> assertThat(date).isAfter(LocalDate.of(2026, 10, 30))));
        }
    }

    @Test
    void linesOdooRedatesBecauseItsLockDateMovedDuringTheRunAreFlagged() {
        stageTheSamples();
        // after the run read Odoo's lock date (nothing kept out), before anything is created
        BEFORE_POSTING.set(() -> sandbox.call("res.company", "write", List.of(List.of(1),
                Map.of("fiscalyear_lock_date", "2026-10-29")), Map.of()));

        PostingRunResult result = posting.post(PostingKinds.STATEMENTS);

        assertThat(result).extracting(PostingRunResult::status, PostingRunResult::posted, PostingRunResult::dateMoved)
                .containsExactly("COMPLETED", 13L, 2L); // the two bookings of 29 October
        assertThat(jdbc.queryForList("SELECT last_error FROM odoo_outbox WHERE date_moved", String.class))
                .hasSize(2).allSatisfy(message -> assertThat(message).startsWith("Odoo booked it on ")
                        .endsWith(" instead of 2026-10-29"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM odoo_outbox WHERE state = 'CONFIRMED'"
                + " AND odoo_date IS NOT NULL", Long.class)).isEqualTo(13);

        // a run that stopped after recording its creates, before reading their dates back: the next run reads them
        jdbc.update("UPDATE odoo_outbox SET odoo_date = NULL, date_moved = FALSE, last_error = NULL");
        PostingRunResult next = posting.post(PostingKinds.STATEMENTS);

        assertThat(next.posted()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM odoo_outbox WHERE date_moved", Long.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM odoo_outbox WHERE odoo_date IS NULL", Long.class)).isZero();
        assertThat(ourRecords(LINE_MODEL, "FB-L-")).hasSize(13);
    }

    private void stageTheSamples() {
        for (String file : List.of(Examples.INTRADAY_MT942, Examples.MT940, Examples.CAMT053)) {
            assertThat(imports.importFile(Examples.file(file)).status()).isEqualTo("IMPORTED");
        }
        Path csv = Examples.folder().resolveSibling("entries").resolve("adjustments-2026-10.csv");
        try (JournalEntryCsvReader reader = new JournalEntryCsvReader(csv)) {
            JournalEntry entry;
            while ((entry = reader.next()) != null) {
                entries.saveIfAbsent(entry, "test");
            }
        }
    }

    private List<Map<String, Object>> ourRecords(String model, String keyPrefix) {
        List<Map<String, Object>> ours = new ArrayList<>();
        for (Map<String, Object> record : sandbox.records(model)) {
            if (record.get("ref") instanceof String ref && ref.startsWith(keyPrefix)) {
                ours.add(record);
            }
        }
        return ours;
    }

    private Map<String, Object> outboxStates() {
        Map<String, Object> states = new java.util.TreeMap<>();
        jdbc.query("SELECT state, COUNT(*) FROM odoo_outbox GROUP BY state", rs -> {
            states.put(rs.getString(1), rs.getLong(2));
        });
        return states;
    }
}
