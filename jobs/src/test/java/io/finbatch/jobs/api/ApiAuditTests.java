package io.finbatch.jobs.api;

import io.finbatch.jobs.FinanceBatchApplication;
import io.finbatch.jobs.audit.AuditLog;
import io.finbatch.jobs.extract.ExtractService;
import io.finbatch.jobs.support.TestDatabases;
import io.finbatch.jobs.support.TestUsers;
import io.finbatch.writers.extract.ExtractArchive;
import io.finbatch.writers.extract.ExtractFileRecord;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Actions through the API leave audit entries; downloads stream only files of the extracts folder. */
@SpringBootTest(classes = FinanceBatchApplication.class)
@AutoConfigureMockMvc
@Import(ApiAuditTests.FlakyJob.class)
class ApiAuditTests {

    static Path root;
    static Path extracts;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        TestDatabases.useH2(registry);
        TestUsers.register(registry);
        root = Files.createTempDirectory("finbatch-api-audit");
        extracts = Files.createDirectories(root.resolve("extracts"));
        registry.add("finbatch.extracts.dir", extracts::toString);
        Files.writeString(root.resolve("secret.txt"), "TOP SECRET outside the archive");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ExtractArchive archive;

    @Autowired
    ExtractService extracts_;

    @Autowired
    AuditLog audit;

    /** A job that fails on its first run and completes when restarted. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FlakyJob {

        static final AtomicBoolean FAIL = new AtomicBoolean(true);

        @Bean
        Job apiFlakyJob(JobRepository jobRepository, PlatformTransactionManager tx) {
            return new JobBuilder("apiFlakyJob", jobRepository)
                    .start(new StepBuilder("flakyStep", jobRepository).tasklet((contribution, chunk) -> {
                        if (FAIL.getAndSet(false)) {
                            throw new IllegalStateException("first run fails");
                        }
                        return RepeatStatus.FINISHED;
                    }, tx).build())
                    .build();
        }
    }

    @Autowired
    JobOperator jobOperator;

    @Autowired
    @Qualifier("apiFlakyJob")
    Job apiFlakyJob;

    @Test
    void aRestartIsAudited() throws Exception {
        JobExecution failed = jobOperator.start(apiFlakyJob, new JobParametersBuilder()
                .addString("run", "restart-audit").toJobParameters());
        assertThat(failed.getStatus().name()).isEqualTo("FAILED");

        MockHttpServletResponse response = mvc.perform(post("/api/executions/" + failed.getId() + "/restart")
                .with(httpBasic("operator", TestUsers.PASSWORD)).with(r -> {
                    r.setRemoteAddr("192.0.2.10");
                    return r;
                })).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("\"status\":\"COMPLETED\"");

        AuditLog.Entry entry = latest("EXECUTION_RESTART");
        assertThat(entry.actor()).isEqualTo("operator");
        assertThat(entry.target()).isEqualTo("execution " + failed.getId());
        assertThat(entry.outcome()).isEqualTo("SUCCEEDED");
        assertThat(entry.detail()).startsWith("new execution ").endsWith("COMPLETED");
        assertThat(entry.remoteAddress()).isEqualTo("192.0.2.10");
        assertThat(entry.occurredAt()).isNotNull();

        // the execution detail shows its steps, counts and exit description
        String detail = mvc.perform(get("/api/executions/" + failed.getId())
                .with(httpBasic("viewer", TestUsers.PASSWORD))).andReturn().getResponse().getContentAsString();
        assertThat(detail).contains("\"flakyStep\"").contains("\"rollbackCount\"")
                .contains("first run fails");
        String list = mvc.perform(get("/api/executions?job=apiFlakyJob&status=COMPLETED")
                .with(httpBasic("viewer", TestUsers.PASSWORD))).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("\"job\":\"apiFlakyJob\"").doesNotContain("FAILED");
    }

    @Test
    void aRefusedRestartIsAuditedAsFailed() throws Exception {
        // an extract is never restarted (a re-run writes a new version): 409, and the audit says why
        ExtractService.ExtractResult failed = extracts_.extract("no-such-extract", YearMonth.of(2026, 10));
        assertThat(failed.status()).isEqualTo("FAILED");
        MockHttpServletResponse response = mvc.perform(post("/api/executions/" + failed.executionId() + "/restart")
                .with(httpBasic("admin", TestUsers.PASSWORD))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(409);
        AuditLog.Entry entry = latest("EXECUTION_RESTART");
        assertThat(entry.actor()).isEqualTo("admin");
        assertThat(entry.outcome()).isEqualTo("FAILED");
        assertThat(entry.detail()).contains("not restartable");
    }

    @Test
    void aDownloadStreamsTheRecordedFileAndIsAudited() throws Exception {
        Path dir = Files.createDirectories(extracts.resolve("2026-10/trial-balance/1"));
        Path file = Files.writeString(dir.resolve("trial-balance-2026-10-v1.csv"), "account;amount\n1000;12.50\n");
        long id = record("trial-balance", 1, file.toString());

        MockHttpServletResponse response = mvc.perform(get("/api/extracts/" + id + "/download")
                .with(httpBasic("controller", TestUsers.PASSWORD))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("account;amount\n1000;12.50\n");
        assertThat(response.getHeader("Content-Disposition")).contains("trial-balance-2026-10-v1.csv");

        AuditLog.Entry entry = latest("EXTRACT_DOWNLOAD");
        assertThat(entry.actor()).isEqualTo("controller");
        assertThat(entry.target()).isEqualTo("extract_file " + id);
        assertThat(entry.outcome()).isEqualTo("SUCCEEDED");
        assertThat(entry.detail()).contains("trial-balance-2026-10-v1.csv");
    }

    @Test
    void aRefusedDownloadIsAudited() throws Exception {
        Path dir = Files.createDirectories(extracts.resolve("2026-10/refused/1"));
        long id = record("refused", 1, Files.writeString(dir.resolve("refused.csv"), "x\n").toString());

        MockHttpServletResponse response = mvc.perform(get("/api/extracts/" + id + "/download")
                .with(httpBasic("operator", TestUsers.PASSWORD))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentAsString()).doesNotContain("x\n");

        AuditLog.Entry entry = latest("EXTRACT_DOWNLOAD");
        assertThat(entry.actor()).isEqualTo("operator");
        assertThat(entry.target()).isEqualTo("extract_file " + id);
        assertThat(entry.outcome()).isEqualTo("DENIED");
        assertThat(entry.remoteAddress()).isNotBlank();
    }

    @Test
    void aFailedLoginIsAudited() throws Exception {
        assertThat(mvc.perform(post("/api/close/2026-10").with(httpBasic("controller", "guess")))
                .andReturn().getResponse().getStatus()).isEqualTo(401);
        AuditLog.Entry entry = latest("PERIOD_CLOSE");
        assertThat(entry.outcome()).isEqualTo("UNAUTHENTICATED");
        assertThat(entry.actor()).isEqualTo("anonymous");
    }

    @Test
    void anUnknownIdIs404() throws Exception {
        assertThat(mvc.perform(get("/api/extracts/987654/download").with(httpBasic("controller", TestUsers.PASSWORD)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void aRecordedPathOutsideTheExtractsFolderIsNeverServed() throws Exception {
        Path secret = root.resolve("secret.txt");
        Path link = Files.createDirectories(extracts.resolve("2026-10/link/1")).resolve("link.csv");
        Files.createSymbolicLink(link, secret);
        long absolute = record("outside", 1, secret.toString());
        long dotDot = record("outside", 2, extracts.resolve("2026-10/../../secret.txt").toString());
        long symlink = record("outside", 3, link.toString());
        long missing = record("outside", 4, extracts.resolve("2026-10/none.csv").toString());
        for (long id : new long[] {absolute, dotDot, symlink, missing}) {
            MockHttpServletResponse response = mvc.perform(get("/api/extracts/" + id + "/download")
                    .with(httpBasic("admin", TestUsers.PASSWORD))).andReturn().getResponse();
            assertThat(response.getStatus()).as("extract_file %d", id).isEqualTo(404);
            assertThat(response.getContentAsString()).doesNotContain("TOP SECRET");
        }
        // the request cannot name a path: anything but a number is not an id
        MockHttpServletResponse traversal = mvc.perform(get("/api/extracts/..%2F..%2Fsecret.txt/download")
                .with(httpBasic("admin", TestUsers.PASSWORD))).andReturn().getResponse();
        assertThat(traversal.getStatus()).isIn(400, 404);
        assertThat(traversal.getContentAsString()).doesNotContain("TOP SECRET");
    }

    private long record(String name, int version, String path) {
        Instant now = Instant.now();
        archive.record(new ExtractFileRecord(name, "management", "2026-10", version, "csv", path, path + ".manifest.json",
                "0".repeat(64), "0".repeat(64), 1, "{}", now, null, now));
        return jdbc.queryForObject("SELECT id FROM extract_file WHERE name = ? AND version = ?", Long.class, name,
                version);
    }

    private AuditLog.Entry latest(String action) {
        return audit.latest(null, action, 1).get(0);
    }
}
