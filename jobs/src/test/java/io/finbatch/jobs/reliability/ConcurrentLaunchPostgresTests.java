package io.finbatch.jobs.reliability;

import io.finbatch.jobs.FinanceBatchApplication;
import io.finbatch.jobs.statementimport.ImportResult;
import io.finbatch.jobs.statementimport.StatementImportService;
import io.finbatch.jobs.support.OnPostgres;
import io.finbatch.jobs.support.TestDatabases;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two launches of the import of one file at the same moment: exactly one imports it; the other is told that
 * the file is being imported (or was, if it came second), and no line is staged twice.
 */
@OnPostgres
@SpringBootTest(classes = FinanceBatchApplication.class, properties = "finbatch.chunk-size=8")
class ConcurrentLaunchPostgresTests {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabases.usePostgres(registry);
    }

    @Autowired
    StatementImportService imports;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @RepeatedTest(5)
    void twoSimultaneousLaunchesOfOneImportRunItOnce() throws Exception {
        for (String table : List.of("odoo_outbox", "statement_line", "bank_statement", "import_exception",
                "statement_file")) {
            jdbc.update("DELETE FROM " + table);
        }
        Path file = GeneratedMt940.write(dir.resolve("twice.sta"), 80, 99);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<ImportResult>> launches = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            launches.add(threads.submit(() -> {
                start.await();
                return imports.importFile(file);
            }));
        }
        List<ImportResult> results = new ArrayList<>();
        for (Future<ImportResult> launch : launches) {
            results.add(launch.get());
        }
        threads.shutdown();

        assertThat(results).extracting(ImportResult::status).as("%s", results).containsOnlyOnce("IMPORTED");
        ImportResult other = results.stream().filter(r -> !r.status().equals("IMPORTED")).findFirst().orElseThrow();
        assertThat(other.status()).as(other.toString()).isIn("ALREADY_IMPORTED", "FAILED", "IN_PROGRESS");
        if (!other.status().equals("ALREADY_IMPORTED")) {
            assertThat(other.message()).contains("being imported right now by");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM statement_line", Long.class)).isEqualTo(80);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT unique_import_id) FROM statement_line", Long.class))
                .isEqualTo(80);
        assertThat(jdbc.queryForList("SELECT status FROM statement_file", String.class)).containsExactly("IMPORTED");
    }
}
