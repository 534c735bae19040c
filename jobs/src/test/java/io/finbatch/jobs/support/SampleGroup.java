package io.finbatch.jobs.support;

import io.finbatch.jobs.consolidation.ConsolidationService;
import io.finbatch.jobs.extract.ExtractProperties;
import io.finbatch.writers.periods.FiscalPeriodRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample group of examples/group, loaded and consolidated for October 2026 as of its cut-off. */
public final class SampleGroup {

    public static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    public static final Instant CUTOFF = Instant.parse("2026-11-03T18:00:00Z");

    private SampleGroup() {
    }

    public static Path projectRoot() {
        return Examples.folder().getParent().getParent();
    }

    /** Empty tables and archive, the sample group's ledgers loaded, October consolidated as of its cut-off. */
    public static void consolidate(JdbcTemplate jdbc, ExtractProperties properties, ConsolidationService consolidation,
            FiscalPeriodRepository periods) throws IOException {
        for (String table : List.of("extract_file", "odoo_outbox", "bank_line_mapping", "consolidation_lineage",
                "consolidated_balance", "consolidation_run", "journal_line", "import_exception", "statement_line",
                "bank_statement", "statement_file")) {
            jdbc.update("DELETE FROM " + table);
        }
        jdbc.update("DELETE FROM fiscal_period WHERE status <> 'LOCKED'");
        FileSystemUtils.deleteRecursively(properties.dir());
        for (String entity : List.of("ACME-DE", "ACME-NL", "ACME-US")) {
            var result = consolidation.importLedger(projectRoot().resolve("examples/group/gl/" + entity + "-2026-10.csv"));
            assertThat(result.status()).as(result.message()).isEqualTo("COMPLETED");
        }
        periods.setCutoff("GROUP", OCTOBER, CUTOFF, "controller");
        assertThat(consolidation.consolidate(OCTOBER).status()).isEqualTo("COMPLETED");
    }
}
