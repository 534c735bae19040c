package io.finbatch.jobs.reliability;

import io.finbatch.jobs.FinanceBatchApplication;
import io.finbatch.jobs.odooposting.OdooPostingService;
import io.finbatch.jobs.odooposting.PostingKinds;
import io.finbatch.jobs.odooposting.PostingRunResult;
import io.finbatch.jobs.statementimport.ImportResult;
import io.finbatch.jobs.statementimport.StatementImportService;
import io.finbatch.jobs.support.OnPostgres;
import io.finbatch.jobs.support.TestDatabases;
import io.finbatch.jobs.support.TestOdoo;
import io.finbatch.odoosandbox.OdooSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outages on PostgreSQL and in Odoo, each survived or stopped cleanly as the policy says, then resumed: nothing
 * lost, nothing doubled. A database connection terminated mid-chunk ({@code pg_terminate_backend}) is a
 * transient fault: the run resumes from the last committed chunk. Odoo answering 503 in bursts is waited out;
 * Odoo too slow for the read timeout stops the posting with the items it may have created left to reconcile;
 * the restart finds them in Odoo instead of creating them again.
 */
@OnPostgres
@SpringBootTest(classes = FinanceBatchApplication.class, properties = {
    "finbatch.chunk-size=8",
    "finbatch.import.transient-backoff=10ms",
    "finbatch.odoo.batch-size=8"
})
@Import(BackendTermination.class)
class OutagePostgresTests {

    static final int ENTRIES = 60;
    static OdooSandbox odoo;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabases.usePostgres(registry);
        odoo = TestOdoo.startSandbox(registry, 4);
        registry.add("finbatch.odoo.read-timeout", () -> "700ms");
    }

    @AfterAll
    static void stopOdoo() {
        odoo.stop();
    }

    @Autowired
    StatementImportService imports;

    @Autowired
    OdooPostingService posting;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    Path file;

    @BeforeEach
    void freshStagingAndOdoo() throws Exception {
        BackendTermination.reset();
        odoo.faults().clear();
        odoo.reset();
        odoo.addBankJournal("Bank DE", "BDE", GeneratedMt940.ACCOUNT, "EUR");
        for (String table : List.of("odoo_outbox", "statement_line", "bank_statement", "import_exception",
                "statement_file")) {
            jdbc.update("DELETE FROM " + table);
        }
        file = GeneratedMt940.write(dir.resolve("outage.sta"), ENTRIES, 4242);
    }

    @AfterEach
    void noFaultLeft() {
        BackendTermination.reset();
        odoo.faults().clear();
    }

    @Test
    void aConnectionTerminatedMidChunkDuringTheImportIsRetriedFromTheLastCommittedChunk() {
        BackendTermination.inChunk("stageStatements", 3);

        ImportResult result = imports.importFile(file);

        assertThat(BackendTermination.terminated()).as("backends terminated").isPositive();
        assertThat(result.status()).as(result.message()).isEqualTo("IMPORTED");
        assertEveryLineOnceHere();
    }

    @Test
    void aConnectionTerminatedMidChunkDuringThePostingLeavesNothingDoubledInOdoo() {
        assertThat(imports.importFile(file).status()).isEqualTo("IMPORTED");
        BackendTermination.inChunk("postToOdoo", 2);

        PostingRunResult first = posting.post(PostingKinds.STATEMENTS);
        assertThat(BackendTermination.terminated()).as("backends terminated").isPositive();
        PostingRunResult done = first.status().equals("COMPLETED") ? first : posting.restart(first.executionId());

        assertThat(done.status()).as(done.message()).isEqualTo("COMPLETED");
        assertEveryLineOnceInOdoo();
    }

    @Test
    void aBurstOf503IsWaitedOut() {
        assertThat(imports.importFile(file).status()).isEqualTo("IMPORTED");
        odoo.faults().failNext(3, 503, Duration.ZERO);

        PostingRunResult result = posting.post(PostingKinds.STATEMENTS);

        assertThat(result.status()).as(result.message()).isEqualTo("COMPLETED");
        assertEveryLineOnceInOdoo();
    }

    @Test
    void anOdooTooSlowForTheReadTimeoutStopsThePostingAndTheRestartReconcilesInsteadOfCreatingAgain() {
        assertThat(imports.importFile(file).status()).isEqualTo("IMPORTED");
        odoo.faults().latency(Duration.ofMillis(1500));

        PostingRunResult slow = posting.post(PostingKinds.STATEMENTS);

        assertThat(slow.status()).isNotEqualTo("COMPLETED");
        odoo.faults().clear();
        PostingRunResult restarted = posting.restart(slow.executionId());
        assertThat(restarted.status()).as(restarted.message()).isEqualTo("COMPLETED");
        assertEveryLineOnceInOdoo();
    }

    private void assertEveryLineOnceHere() {
        List<String> expected = ExpectedLines.of(file).uniqueIds();
        assertThat(jdbc.queryForList("SELECT unique_import_id FROM statement_line", String.class))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    private void assertEveryLineOnceInOdoo() {
        assertEveryLineOnceHere();
        Map<String, Integer> inOdoo = new TreeMap<>();
        for (Map<String, Object> line : odoo.records("account.bank.statement.line")) {
            if (line.get("ref") instanceof String ref && ref.startsWith("FB-L-")) {
                inOdoo.merge(ref, 1, Integer::sum);
            }
        }
        assertThat(inOdoo).hasSize(ENTRIES).allSatisfy((ref, count) -> assertThat(count).as(ref).isEqualTo(1));
        assertThat(jdbc.queryForList("SELECT DISTINCT state FROM odoo_outbox", String.class))
                .containsExactly("CONFIRMED");
    }
}
