package io.finbatch.jobs.scaleout;

import io.finbatch.jobs.reliability.ChildJvm;
import io.finbatch.jobs.reliability.CrashPoints;
import io.finbatch.jobs.reliability.ExpectedLines;
import io.finbatch.jobs.reliability.GeneratedMt940;
import io.finbatch.jobs.reliability.SqlRows;
import io.finbatch.jobs.support.OnPostgres;
import io.finbatch.jobs.support.TestDatabases;
import org.awaitility.Awaitility;
import io.finbatch.odoosandbox.OdooSandbox;
import io.finbatch.odoosandbox.SandboxOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A manager and two worker JVMs on loopback, one PostgreSQL database and one RabbitMQ queue: 200 statement files
 * of four accounts imported as partitions of {@code partitionedImport}, every line exactly once with the control
 * total a clean import of the files gives, then posted to the Odoo sandbox as partitions of
 * {@code partitionedPosting} (one per bank journal), every line once in Odoo; and when a worker is killed
 * mid-run, the job fails as Spring Batch defines it and its restart completes with every line exactly once.
 */
@OnPostgres
class ScaleOutPostgresTests {

    static final int FILES = 200;
    static final int ENTRIES = 5;
    static final List<String> ACCOUNTS = List.of("DE89370400440532013000", "NL91ABNA0417164300",
            "GB82WEST12345698765432", "FR1420041010050500013M02606");

    static OdooSandbox odoo;

    @BeforeAll
    static void startOdoo() {
        odoo = OdooSandbox.start(new SandboxOptions().seed(SandboxOptions.Seed.CHART_ONLY));
    }

    @AfterAll
    static void stopOdoo() {
        odoo.stop();
    }

    @TempDir
    Path work;

    Path inbox;
    String db;
    String queue;

    @BeforeEach
    void inboxDatabaseAndQueue() throws Exception {
        assumeTrue(rabbitAnswers(), "RabbitMQ is not reachable on 127.0.0.1:5672 (.ci/run starts it)");
        inbox = Files.createDirectories(work.resolve("inbox"));
        for (int i = 1; i <= FILES; i++) {
            GeneratedMt940.write(inbox.resolve(String.format("statement-%03d.sta", i)), ACCOUNTS.get(i % ACCOUNTS.size()),
                    ENTRIES, 10_000 + i);
        }
        db = TestDatabases.createPostgresDatabase();
        queue = "finbatch.partitions.test-" + UUID.randomUUID();
        // the schema first, so that three JVMs starting at once do not race to migrate it
        assertThat(ChildJvm.run(properties(), work, "period", "list").exitCode()).isZero();
    }

    @Test
    void aManagerAndTwoWorkersImportEveryLineOnceAndPostItOncePerJournal() throws Exception {
        odoo.reset();
        for (String account : ACCOUNTS) {
            odoo.addBankJournal("Bank " + account.substring(0, 2), "B" + account.substring(0, 2), account, "EUR");
        }
        try (ChildJvm.Running first = worker(); ChildJvm.Running second = worker()) {
            awaitReady(first, second);

            ChildJvm.Outcome manager = ChildJvm.run(managerProperties(Duration.ofMinutes(5)), work, "import",
                    "--inbox", inbox.toString(), "--partitioned");

            assertThat(manager.exitCode()).as("%s%nfirst worker:%n%s", manager.tail(), tail(first)).isZero();
            assertThat(manager.tail()).contains("COMPLETED, " + FILES + " file(s): " + FILES + " completed");
            assertThat(imported(first)).as("partitions run by the first worker").isPositive();
            assertThat(imported(second)).as("partitions run by the second worker").isPositive();
            assertThat(imported(first) + imported(second)).isEqualTo(FILES);
            assertEveryLineOnce();

            // the posting, one partition per bank journal, on the same workers
            ChildJvm.Outcome posting = ChildJvm.run(managerProperties(Duration.ofMinutes(5)), work, "post", "--kind",
                    "statements", "--partitioned");
            assertThat(posting.exitCode()).as("%s%nfirst worker:%n%s", posting.tail(), tail(first)).isZero();
        }
        try (Connection sql = connect()) {
            assertThat(SqlRows.strings(sql, "SELECT STEP_NAME FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'postJournal:%'"))
                    .as("a partition per journal").hasSize(ACCOUNTS.size());
            assertThat(SqlRows.strings(sql, "SELECT DISTINCT state FROM odoo_outbox")).containsExactly("CONFIRMED");
        }
        Map<String, Integer> inOdoo = new java.util.TreeMap<>();
        for (Map<String, Object> line : odoo.records("account.bank.statement.line")) {
            if (line.get("ref") instanceof String ref && ref.startsWith("FB-L-")) {
                inOdoo.merge(ref, 1, Integer::sum);
            }
        }
        assertThat(inOdoo).hasSize(FILES * ENTRIES).allSatisfy((ref, count) -> assertThat(count).isEqualTo(1));
    }

    @Test
    void aWorkerKilledMidRunFailsTheJobAndItsRestartImportsEveryLineOnce() throws Exception {
        ChildJvm.Running manager;
        long execution;
        // the first worker stops dead in the middle of the first file it imports (rows written, not committed)
        Map<String, String> crashing = properties();
        crashing.put("finbatch.partitions.queue", queue);
        crashing.put("spring.main.sources", CrashPoints.class.getName());
        crashing.put("finbatch.crash.at", "after-write:stageStatements:1");
        try (ChildJvm.Running first = ChildJvm.start(crashing, work, "worker"); ChildJvm.Running second = worker()) {
            awaitReady(first, second);
            manager = ChildJvm.start(managerProperties(Duration.ofSeconds(30)), work, "import", "--inbox",
                    inbox.toString(), "--partitioned");
            Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50))
                    .until(() -> first.printed(CrashPoints.MARKER));
            first.kill();

            int exit = manager.waitFor(300);
            assertThat(exit).as(String.join("\n", manager.output())).isNotZero();
            execution = partitionedExecution();
            assertThat(status(execution)).isEqualTo("FAILED");

            ChildJvm.Outcome restarted = ChildJvm.run(managerProperties(Duration.ofMinutes(5)), work, "restart",
                    String.valueOf(execution), "--recover");
            assertThat(restarted.exitCode()).as(restarted.tail()).isZero();
        }
        long restarted = partitionedExecution();
        assertThat(restarted).isGreaterThan(execution);
        assertThat(status(restarted)).isEqualTo("COMPLETED");
        assertEveryLineOnce();
    }

    private void assertEveryLineOnce() throws Exception {
        Path[] files = Files.list(inbox).sorted().toArray(Path[]::new);
        ExpectedLines expected = ExpectedLines.of(files);
        assertThat(expected.uniqueIds()).hasSize(FILES * ENTRIES);
        try (Connection sql = connect()) {
            assertThat(SqlRows.strings(sql, "SELECT unique_import_id FROM statement_line"))
                    .containsExactlyInAnyOrderElementsOf(expected.uniqueIds());
            assertThat(new BigDecimal(SqlRows.strings(sql, "SELECT SUM(amount) FROM statement_line").get(0)))
                    .isEqualByComparingTo(expected.total());
            assertThat(SqlRows.strings(sql, "SELECT status FROM statement_file")).hasSize(FILES).containsOnly("IMPORTED");
        }
    }

    private ChildJvm.Running worker() throws Exception {
        Map<String, String> p = properties();
        p.put("finbatch.partitions.queue", queue);
        return ChildJvm.start(p, work, "worker");
    }

    private static void awaitReady(ChildJvm.Running... workers) {
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (ChildJvm.Running worker : workers) {
                if (!worker.alive()) {
                    throw new AssertionError("a worker ended:\n" + String.join("\n", worker.output()));
                }
                if (!worker.printed("worker ready")) {
                    return false;
                }
            }
            return true;
        });
    }

    private static String tail(ChildJvm.Running worker) {
        List<String> lines = worker.output().stream().filter(l -> !l.stripLeading().startsWith("at ")).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    /** How many files a worker has imported, by its log. */
    private static long imported(ChildJvm.Running worker) {
        return worker.output().stream().filter(line -> line.contains("ImportOneFileTasklet")
                && line.contains(": IMPORTED (")).count();
    }

    private Map<String, String> managerProperties(Duration timeout) {
        Map<String, String> p = properties();
        p.put("finbatch.mode", "manager");
        p.put("finbatch.partitions.queue", queue);
        p.put("finbatch.partitions.poll-interval", "200ms");
        p.put("finbatch.partitions.timeout", timeout.toMillis() + "ms");
        return p;
    }

    private Map<String, String> properties() {
        Map<String, String> p = new HashMap<>();
        p.put("spring.datasource.url", db);
        p.put("spring.datasource.username", TestDatabases.PG_USER);
        p.put("spring.datasource.password", "");
        p.put("finbatch.inbox", inbox.toString());
        p.put("logging.level.root", "WARN");
        p.put("logging.level.io.finbatch.jobs.scaleout", "INFO");
        p.put("finbatch.odoo.url", odoo.url().toString());
        p.put("finbatch.odoo.api-key", SandboxOptions.DEFAULT_API_KEY);
        p.put("finbatch.odoo.batch-size", "50");
        return p;
    }

    private long partitionedExecution() throws SQLException {
        try (Connection sql = connect()) {
            return Long.parseLong(SqlRows.strings(sql, "SELECT MAX(e.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION e JOIN"
                    + " BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID"
                    + " WHERE i.JOB_NAME = 'partitionedImport'").get(0));
        }
    }

    private String status(long execution) throws SQLException {
        try (Connection sql = connect()) {
            return SqlRows.strings(sql, "SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = " + execution).get(0);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(db, TestDatabases.PG_USER, "");
    }


    private static boolean rabbitAnswers() {
        try (Socket socket = new Socket("127.0.0.1", 5672)) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
