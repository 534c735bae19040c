package io.finbatch.jobs.reliability;

import io.finbatch.jobs.support.OnPostgres;
import io.finbatch.jobs.support.TestDatabases;
import io.finbatch.odoosandbox.OdooSandbox;
import io.finbatch.odoosandbox.SandboxOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statement import and the Odoo posting, each run by the real command line in a child JVM on PostgreSQL,
 * killed with SIGKILL at a point drawn from the seed — mid-chunk (rows written, not committed), between
 * chunks, during a step's own bookkeeping, between Odoo's commit and ours — then restarted through the normal
 * path ({@code restart ID --recover}: Spring Batch's recovery of an execution left STARTED, then the restart).
 * The end state must be a clean run's: the same lines with the same unique ids and control totals, every
 * outbox item CONFIRMED, each line exactly once in Odoo.
 *
 * <p>The normal build runs the first {@value #DEFAULT_SEEDS} seeds; {@code -Dfinbatch.crash.seeds=24} runs more.
 */
@OnPostgres
class CrashRestartPostgresTests {

    static final int DEFAULT_SEEDS = 4;
    static final int ENTRIES = 60;
    static final int CHUNK = 8;
    static final int ODOO_BATCH = 8;

    static OdooSandbox odoo;

    @TempDir
    Path work;

    @BeforeAll
    static void startOdoo() {
        odoo = OdooSandbox.start(new SandboxOptions().seed(SandboxOptions.Seed.CHART_ONLY));
    }

    @AfterAll
    static void stopOdoo() {
        odoo.stop();
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, Long.getLong("finbatch.crash.seeds", DEFAULT_SEEDS));
    }

    /** Where seed N kills the run; the first seeds cover one point of each kind. */
    static String crashPoint(long seed) {
        Random random = new Random(seed * 7919);
        int chunks = (ENTRIES + CHUNK - 1) / CHUNK;
        int batches = (ENTRIES + ODOO_BATCH - 1) / ODOO_BATCH;
        int kind = (int) ((seed - 1) % 9);
        return switch (kind) {
            case 0 -> "after-write:stageStatements:" + (1 + random.nextInt(chunks));
            case 1 -> "after-odoo-create:" + (1 + random.nextInt(batches));
            case 2 -> "before-write:stageStatements:" + (2 + random.nextInt(chunks - 1));
            case 3 -> "after-step:stageStatements";
            case 4 -> "after-write:postToOdoo:" + (1 + random.nextInt(batches));
            case 5 -> "before-step:completeStatementFile";
            case 6 -> "after-step:postToOdoo";
            case 8 -> "before-step:checkBookedDates";
            default -> "after-step:enqueueOdooPostings";
        };
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aRunKilledAnywhereAndRestartedEndsAsACleanRun(long seed) throws Exception {
        String point = crashPoint(seed);
        boolean inImport = point.contains("Statement");
        String db = TestDatabases.createPostgresDatabase();
        odoo.reset();
        odoo.addBankJournal("Bank DE", "BDE", GeneratedMt940.ACCOUNT, "EUR");
        Path file = GeneratedMt940.write(work.resolve("statement-" + seed + ".sta"), ENTRIES, seed);

        ChildJvm.Outcome imported = ChildJvm.run(properties(db, inImport ? point : null), work, "import",
                file.toString());
        if (inImport) {
            assertThat(imported.killed()).as("killed at %s:%n%s", point, imported.tail()).isTrue();
            restart(db, "statementImport");
        } else {
            assertThat(imported.exitCode()).as(imported.tail()).isZero();
        }
        ChildJvm.Outcome posted = ChildJvm.run(properties(db, inImport ? null : point), work, "post", "--kind",
                "statements");
        if (!inImport) {
            assertThat(posted.killed()).as("killed at %s:%n%s", point, posted.tail()).isTrue();
            restart(db, "odooPosting");
        } else {
            assertThat(posted.exitCode()).as(posted.tail()).isZero();
        }

        ExpectedLines expected = ExpectedLines.of(file);
        try (Connection sql = DriverManager.getConnection(db, TestDatabases.PG_USER, "")) {
            assertThat(SqlRows.strings(sql, "SELECT unique_import_id FROM statement_line")).as("lines after a crash at " + point)
                    .containsExactlyInAnyOrderElementsOf(expected.uniqueIds());
            assertThat(new BigDecimal(SqlRows.strings(sql, "SELECT SUM(amount) FROM statement_line").get(0))).isEqualByComparingTo(expected.total());
            assertThat(SqlRows.strings(sql, "SELECT state FROM odoo_outbox")).hasSize(ENTRIES).containsOnly("CONFIRMED");
            assertThat(SqlRows.strings(sql, "SELECT COUNT(*) FROM odoo_outbox WHERE odoo_date IS NULL OR odoo_id IS NULL"))
                    .as("every booked date read back after a crash at " + point).containsExactly("0");
            assertThat(SqlRows.strings(sql, "SELECT status FROM statement_file")).containsExactly("IMPORTED");
        }
        Map<String, Integer> inOdoo = new TreeMap<>();
        for (Map<String, Object> line : odoo.records("account.bank.statement.line")) {
            if (line.get("ref") instanceof String ref && ref.startsWith("FB-L-")) {
                inOdoo.merge(ref, 1, Integer::sum);
            }
        }
        assertThat(inOdoo).as("each line once in Odoo after a crash at " + point).hasSize(ENTRIES)
                .allSatisfy((ref, count) -> assertThat(count).as(ref).isEqualTo(1));
        assertThat(new TreeSet<>(inOdoo.keySet())).isEqualTo(expected.uniqueIds().stream().map(id -> "FB-L-" + id)
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
    }

    private void restart(String db, String job) throws Exception {
        long id;
        try (Connection sql = DriverManager.getConnection(db, TestDatabases.PG_USER, "")) {
            List<String> started = SqlRows.strings(sql, "SELECT e.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION e JOIN"
                    + " BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = '" + job
                    + "' AND e.STATUS IN ('STARTED', 'STARTING', 'STOPPING')");
            assertThat(started).as("the killed %s execution is left STARTED", job).hasSize(1);
            id = Long.parseLong(started.get(0));
        }
        ChildJvm.Outcome restarted = ChildJvm.run(properties(db, null), work, "restart", String.valueOf(id),
                "--recover");
        assertThat(restarted.exitCode()).as("restart of %s execution %d:%n%s", job, id, restarted.tail()).isZero();
    }

    private Map<String, String> properties(String db, String crashAt) {
        Map<String, String> p = new HashMap<>();
        p.put("spring.datasource.url", db);
        p.put("spring.datasource.username", TestDatabases.PG_USER);
        p.put("spring.datasource.password", "");
        p.put("finbatch.chunk-size", String.valueOf(CHUNK));
        p.put("finbatch.odoo.url", odoo.url().toString());
        p.put("finbatch.odoo.api-key", SandboxOptions.DEFAULT_API_KEY);
        p.put("finbatch.odoo.batch-size", String.valueOf(ODOO_BATCH));
        p.put("finbatch.odoo.max-attempts", "3");
        p.put("finbatch.odoo.initial-backoff", "5ms");
        p.put("finbatch.inbox", work.toString());
        p.put("logging.level.root", "WARN");
        if (crashAt != null) {
            p.put("spring.main.sources", CrashPoints.class.getName());
            p.put("finbatch.crash.at", crashAt);
        }
        return p;
    }
}
