package io.finbatch.jobs.observability;

import io.finbatch.jobs.FinanceBatchApplication;
import io.finbatch.jobs.odooposting.OdooConnection;
import io.finbatch.jobs.statementimport.ImportResult;
import io.finbatch.jobs.statementimport.StatementImportService;
import io.finbatch.jobs.support.Examples;
import io.finbatch.jobs.support.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The sample statements imported, then {@code /actuator/prometheus} scraped as a VIEWER: the business gauges
 * with the values the tables hold, Spring Batch's job metric; {@code /actuator/health} anonymous: UP with the
 * inbox and Odoo components, the sandbox not started for it.
 */
@SpringBootTest(classes = FinanceBatchApplication.class)
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObservabilityFunctionalTests {

    static final String PASSWORD = "secret";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        TestDatabases.useH2(registry);
        String hash = new BCryptPasswordEncoder(4).encode(PASSWORD);
        String[][] users = {{"viewer", "VIEWER"}, {"nobody", ""}};
        for (int i = 0; i < users.length; i++) {
            String name = users[i][0];
            String role = users[i][1];
            registry.add("finbatch.security.users[" + i + "].name", () -> name);
            registry.add("finbatch.security.users[" + i + "].password-hash", () -> hash);
            registry.add("finbatch.security.users[" + i + "].roles", () -> role);
        }
        Path inbox = Files.createTempDirectory("finbatch-obs-inbox");
        registry.add("finbatch.inbox", inbox::toString);
        Path sandbox = Files.createTempDirectory("finbatch-obs-sandbox");
        registry.add("finbatch.odoo.sandbox-data", sandbox::toString);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    StatementImportService imports;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BusinessFigures figures;

    @MockitoSpyBean
    OdooConnection odoo;

    List<Long> lines;

    @BeforeAll
    void importSamplesAndPrepareQueues() {
        for (String name : List.of(Examples.INTRADAY_MT942, Examples.MT940, Examples.CAMT053)) {
            ImportResult result = imports.importFile(Examples.file(name));
            assertThat(result.status()).as(name).isEqualTo("IMPORTED");
        }
        lines = jdbc.queryForList("SELECT id FROM statement_line ORDER BY id", Long.class);
        assertThat(lines).hasSize(13);

        // outbox: 3 lines confirmed, 2 pending (the oldest queued 2 hours ago), 1 sent, 1 skipped, 1 entry failed
        Instant now = Instant.now();
        outbox("FB-L-1", "STATEMENT_LINE", lines.get(0), "CONFIRMED", now);
        outbox("FB-L-2", "STATEMENT_LINE", lines.get(1), "CONFIRMED", now);
        outbox("FB-L-3", "STATEMENT_LINE", lines.get(2), "CONFIRMED", now);
        outbox("FB-L-4", "STATEMENT_LINE", lines.get(3), "PENDING", now.minus(Duration.ofHours(2)));
        outbox("FB-L-5", "STATEMENT_LINE", lines.get(4), "PENDING", now.minus(Duration.ofMinutes(5)));
        outbox("FB-L-6", "STATEMENT_LINE", lines.get(5), "SENT", now.minus(Duration.ofMinutes(1)));
        outbox("FB-L-7", "STATEMENT_LINE", lines.get(6), "SKIPPED", now.minus(Duration.ofDays(3)));
        // a journal entry confirmed under a statement line's id must not count that line as posted
        outbox("FB-E-1", "JOURNAL_ENTRY", lines.get(7), "CONFIRMED", now);
        outbox("FB-E-2", "JOURNAL_ENTRY", 999L, "FAILED", now.minus(Duration.ofDays(3)));

        exception("OPEN", "sample.mt940");
        exception("OPEN", "sample.mt940");
        exception("DISMISSED", "sample.mt940");
        exception("REQUEUED", "sample.mt940");

        mapping(lines.get(8), "UNMATCHED");
        mapping(lines.get(9), "UNMATCHED");
        mapping(lines.get(10), "UNMATCHED");
        mapping(lines.get(11), "MATCHED");
        mapping(lines.get(12), "PERIOD_LOCKED");
        figures.invalidate();
    }

    @Test
    void prometheusShowsTheBusinessGaugesAndSpringBatchMetrics() throws Exception {
        String scrape = scrape();

        assertThat(value(scrape, "finbatch_statement_lines_unposted", "")).isEqualTo(10.0);
        assertThat(value(scrape, "finbatch_outbox_items", "state=\"PENDING\"")).isEqualTo(2.0);
        assertThat(value(scrape, "finbatch_outbox_items", "state=\"SENT\"")).isEqualTo(1.0);
        assertThat(value(scrape, "finbatch_outbox_items", "state=\"CONFIRMED\"")).isEqualTo(4.0);
        assertThat(value(scrape, "finbatch_outbox_items", "state=\"SKIPPED\"")).isEqualTo(1.0);
        assertThat(value(scrape, "finbatch_outbox_items", "state=\"FAILED\"")).isEqualTo(1.0);
        assertThat(value(scrape, "finbatch_outbox_oldest_unconfirmed_age_seconds", ""))
                .isBetween(7200.0, 7200.0 + 300);
        assertThat(value(scrape, "finbatch_import_exceptions_open", "")).isEqualTo(2.0);
        assertThat(value(scrape, "finbatch_bank_lines_unmatched", "")).isEqualTo(3.0);

        // Spring Batch's own metrics: the three statementImport runs, and their steps
        assertThat(value(scrape, "spring_batch_job_seconds_count",
                "spring_batch_job_name=\"statementImport\",spring_batch_job_status=\"COMPLETED\"")).isEqualTo(3.0);
        assertThat(value(scrape, "spring_batch_step_seconds_count",
                "spring_batch_step_job_name=\"statementImport\",spring_batch_step_name=\"stageStatements\","
                        + "spring_batch_step_status=\"COMPLETED\"")).isEqualTo(3.0);
    }

    @Test
    void theGaugesAreCachedBetweenScrapes() throws Exception {
        double before = value(scrape(), "finbatch_import_exceptions_open", "");
        exception("OPEN", "sample.mt940");
        try {
            assertThat(value(scrape(), "finbatch_import_exceptions_open", "")).as("cached").isEqualTo(before);
            figures.invalidate();
            assertThat(value(scrape(), "finbatch_import_exceptions_open", "")).isEqualTo(before + 1);
        } finally {
            jdbc.update("DELETE FROM import_exception WHERE file_name = 'cache-test'");
            figures.invalidate();
        }
    }

    @Test
    void prometheusNeedsARole() throws Exception {
        assertThat(mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(mvc.perform(get("/actuator/prometheus").with(httpBasic("nobody", PASSWORD)))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/actuator/prometheus").with(httpBasic("viewer", "wrong")))
                .andReturn().getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void otherActuatorEndpointsAreNotExposed() throws Exception {
        for (String path : List.of("/actuator/env", "/actuator/beans", "/actuator/metrics", "/actuator/heapdump")) {
            int status = mvc.perform(get(path).with(httpBasic("viewer", PASSWORD))).andReturn().getResponse()
                    .getStatus();
            assertThat(status).as(path).isIn(403, 404);
        }
    }

    @Test
    void healthIsAnonymousAndUpWithTheInboxAndOdoo() throws Exception {
        MvcResult result = mvc.perform(get("/actuator/health")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        String body = result.getResponse().getContentAsString();
        assertThat(body).contains("\"status\":\"UP\"")
                .contains("\"inbox\":{\"status\":\"UP\"}")
                .contains("\"odoo\":{\"status\":\"UP\"}")
                .contains("\"db\":{\"status\":\"UP\"}")
                // anonymous: no details (paths, URLs)
                .doesNotContain("finbatch-obs-inbox");

        String detailed = mvc.perform(get("/actuator/health").with(httpBasic("viewer", PASSWORD))).andReturn()
                .getResponse().getContentAsString();
        assertThat(detailed).contains("\"target\":\"sandbox\"").contains("finbatch-obs-inbox");

        // the embedded sandbox is not started (nor any client opened) for a health check
        verify(odoo, never()).client();
    }

    private String scrape() throws Exception {
        MvcResult result = mvc.perform(get("/actuator/prometheus").with(httpBasic("viewer", PASSWORD))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    /** The value of a sample whose labels contain {@code labels} (in the registry's alphabetical order). */
    static double value(String scrape, String name, String labels) {
        Pattern sample = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{([^}]*)\\})? (\\S+)$");
        Matcher m = sample.matcher(scrape);
        while (m.find()) {
            String found = m.group(2) == null ? "" : m.group(2);
            if (found.contains(labels)) {
                return Double.parseDouble(m.group(3));
            }
        }
        throw new AssertionError("no sample " + name + "{" + labels + "} in:\n" + scrape);
    }

    private void outbox(String key, String kind, long sourceId, String state, Instant created) {
        jdbc.update("INSERT INTO odoo_outbox (business_key, kind, source_id, item_date, state, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", key, kind, sourceId, LocalDate.of(2026, 10, 30), state,
                Timestamp.from(created), Timestamp.from(created));
    }

    private void exception(String status, String fileName) {
        jdbc.update("INSERT INTO import_exception (file_name, kind, reason, status, created_at)"
                + " VALUES (?, 'SKIPPED_ENTRY', 'test', ?, ?)", fileName, status, Timestamp.from(Instant.now()));
    }

    private void mapping(long lineId, String outcome) {
        jdbc.update("INSERT INTO bank_line_mapping (statement_line_id, outcome, mapped_at) VALUES (?, ?, ?)",
                lineId, outcome, Timestamp.from(Instant.now()));
    }
}
