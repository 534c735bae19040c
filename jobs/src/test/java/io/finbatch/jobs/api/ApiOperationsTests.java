package io.finbatch.jobs.api;

import io.finbatch.jobs.FinanceBatchApplication;
import io.finbatch.jobs.audit.AuditLog;
import io.finbatch.jobs.scheduling.ScheduleSync;
import io.finbatch.jobs.security.ApiTokens;
import io.finbatch.jobs.support.SampleGroup;
import io.finbatch.jobs.support.TestDatabases;
import io.finbatch.jobs.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** API tokens, the exception queue's re-queue and dismiss, schedule pause/resume/run, the OpenAPI description. */
@SpringBootTest(classes = FinanceBatchApplication.class, properties = "finbatch.web.restart-wait=300ms")
@AutoConfigureMockMvc
@Import(ApiOperationsTests.SlowOnRestart.class)
class ApiOperationsTests {

    /** A job that fails on its first run and, restarted, waits until the test lets it finish. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SlowOnRestart {

        static final AtomicBoolean FAIL = new AtomicBoolean(true);
        static final CountDownLatch FINISH = new CountDownLatch(1);

        @Bean
        Job slowOnRestartJob(JobRepository jobRepository, PlatformTransactionManager tx) {
            return new JobBuilder("slowOnRestartJob", jobRepository)
                    .start(new StepBuilder("slowStep", jobRepository).tasklet((contribution, chunk) -> {
                        if (FAIL.getAndSet(false)) {
                            throw new IllegalStateException("first run fails");
                        }
                        assertThat(FINISH.await(30, TimeUnit.SECONDS)).isTrue();
                        return RepeatStatus.FINISHED;
                    }, tx).build())
                    .build();
        }
    }

    @Autowired
    JobOperator jobOperator;

    @Autowired
    @Qualifier("slowOnRestartJob")
    Job slowOnRestartJob;

    @Test
    void aLongRestartAnswersWithTheNewRunningExecutionAndCompletesInTheBackground() throws Exception {
        JobExecution failed = jobOperator.start(slowOnRestartJob, new JobParametersBuilder()
                .addString("run", "slow").toJobParameters());
        assertThat(failed.getStatus().name()).isEqualTo("FAILED");

        String answer = mvc.perform(post("/api/executions/" + failed.getId() + "/restart")
                .with(httpBasic("operator", TestUsers.PASSWORD))).andReturn().getResponse().getContentAsString();

        assertThat(answer).contains("\"status\":\"STARTED\"");
        long restarted = jdbc.queryForObject("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION", Long.class);
        assertThat(restarted).isGreaterThan(failed.getId());
        assertThat(answer).contains("\"newExecutionId\":" + restarted);
        assertThat(mvc.perform(get("/api/executions/" + restarted + "/progress").with(httpBasic("viewer",
                TestUsers.PASSWORD))).andReturn().getResponse().getContentAsString()).contains("\"status\":\"STARTED\"");

        // the console's page of the running execution shows the live progress panel
        String page = mvc.perform(get("/executions/" + restarted).with(SecurityMockMvcRequestPostProcessors.user("viewer")
                .roles("VIEWER"))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"progress\"").contains("data-running=\"true\"").contains("id=\"p-done\"");

        SlowOnRestart.FINISH.countDown();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> "COMPLETED".equals(
                jdbc.queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", String.class,
                        restarted)));
    }

    static final String ROBOT_TOKEN = ApiTokens.newToken();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
        TestUsers.register(registry);
        registry.add("finbatch.security.tokens[0].name", () -> "robot");
        registry.add("finbatch.security.tokens[0].sha256", () -> ApiTokens.sha256Hex(ROBOT_TOKEN));
        registry.add("finbatch.security.tokens[0].roles", () -> "VIEWER");
        registry.add("finbatch.schedules.dir", () -> SampleGroup.projectRoot().resolve("schedules").toString());
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditLog audit;

    @Autowired
    ScheduleSync schedules;

    @BeforeEach
    void emptyQueues() {
        jdbc.update("DELETE FROM exception_action");
        jdbc.update("DELETE FROM import_exception");
        jdbc.update("DELETE FROM odoo_outbox");
    }

    @Test
    void aMachineClientAuthenticatesWithItsTokenAndKeepsToItsRole() throws Exception {
        MockHttpServletResponse ok = mvc.perform(get("/api/periods").header("Authorization", "Bearer " + ROBOT_TOKEN))
                .andReturn().getResponse();
        assertThat(ok.getStatus()).isEqualTo(200);
        assertThat(ok.getHeader("Set-Cookie")).isNull();

        assertThat(mvc.perform(post("/api/executions/1/restart").header("Authorization", "Bearer " + ROBOT_TOKEN))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        AuditLog.Entry denied = audit.latest("token:robot", "EXECUTION_RESTART", 1).get(0);
        assertThat(denied.outcome()).isEqualTo("DENIED");

        assertThat(mvc.perform(get("/api/periods").header("Authorization", "Bearer fbt_not-a-token"))
                .andReturn().getResponse().getStatus()).isEqualTo(401);
        AuditLog.Entry unknown = audit.latest(null, "GET /api/periods", 1).get(0);
        assertThat(unknown.outcome()).isEqualTo("UNAUTHENTICATED");
        assertThat(unknown.detail()).isEqualTo("unknown API token");
    }

    @Test
    void aSkippedEntryCannotBeRequeuedButCanBeDismissedWithAComment() throws Exception {
        long id = importException("SKIPPED_ENTRY", "statement line 1");

        MockHttpServletResponse requeue = mvc.perform(post("/api/exceptions/import/" + id + "/requeue")
                .with(httpBasic("operator", TestUsers.PASSWORD))).andReturn().getResponse();
        assertThat(requeue.getStatus()).isEqualTo(409);
        assertThat(requeue.getContentAsString()).contains("corrected file from the bank");

        assertThat(dismiss("import", id, null).getStatus()).as("a dismissal needs a comment").isEqualTo(400);
        MockHttpServletResponse dismissed = dismiss("import", id, "bank confirmed the entry is a test booking");
        assertThat(dismissed.getStatus()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT status FROM import_exception WHERE id = ?", String.class, id))
                .isEqualTo("DISMISSED");
        assertThat(jdbc.queryForMap("SELECT action, comment, actor FROM exception_action WHERE exception_id = ?", id))
                .containsEntry("ACTION", "DISMISS").containsEntry("ACTOR", "operator")
                .containsEntry("COMMENT", "bank confirmed the entry is a test booking");
        AuditLog.Entry entry = audit.latest("operator", "EXCEPTION_DISMISS", 1).get(0);
        assertThat(entry.target()).isEqualTo("IMPORT exception " + id);
        assertThat(entry.outcome()).isEqualTo("SUCCEEDED");
        assertThat(dismiss("import", id, "again").getStatus()).as("already dismissed").isEqualTo(409);
    }

    @Test
    void aRefusedPostingRequeuedIsPendingAgainWithItsAttemptsReset() throws Exception {
        jdbc.update("INSERT INTO odoo_outbox (business_key, kind, source_id, item_date, state, attempts, last_error,"
                + " created_at, updated_at) VALUES ('FB-L-77', 'STATEMENT_LINE', 77, ?, 'SKIPPED', 3, 'partner missing',"
                + " ?, ?)", LocalDate.of(2026, 10, 30), Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
        long id = jdbc.queryForObject("SELECT id FROM odoo_outbox WHERE business_key = 'FB-L-77'", Long.class);

        MockHttpServletResponse response = mvc.perform(post("/api/exceptions/posting/" + id + "/requeue")
                .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"partner created in Odoo\"}")
                .with(httpBasic("operator", TestUsers.PASSWORD))).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(jdbc.queryForMap("SELECT state, attempts FROM odoo_outbox WHERE id = ?", id))
                .containsEntry("STATE", "PENDING").containsEntry("ATTEMPTS", 0);
        assertThat(audit.latest("operator", "EXCEPTION_REQUEUE", 1).get(0).detail())
                .isEqualTo("PENDING: partner created in Odoo");
        assertThat(mvc.perform(post("/api/exceptions/posting/" + id + "/requeue")
                .with(httpBasic("operator", TestUsers.PASSWORD))).andReturn().getResponse().getStatus())
                .as("no longer refused").isEqualTo(409);
    }

    @Test
    void anAdminPausesResumesAndRunsASchedule() throws Exception {
        schedules.sync();

        String paused = mvc.perform(post("/api/schedules/nightly/pause").with(httpBasic("admin", TestUsers.PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        assertThat(paused).contains("\"state\":\"PAUSED\"");
        String listed = mvc.perform(get("/api/schedules").with(httpBasic("viewer", TestUsers.PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        assertThat(listed).contains("\"id\":\"nightly\"").contains("\"state\":\"PAUSED\"");

        String resumed = mvc.perform(post("/api/schedules/nightly/resume").with(httpBasic("admin", TestUsers.PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        assertThat(resumed).contains("\"state\":\"NORMAL\"");
        assertThat(audit.latest("admin", "SCHEDULE_RESUME", 1).get(0).target()).isEqualTo("schedule nightly");

        assertThat(mvc.perform(post("/api/schedules/nowhere/run").with(httpBasic("admin", TestUsers.PASSWORD)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void theApiIsDescribedByOpenApi() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/openapi").with(httpBasic("viewer", TestUsers.PASSWORD)))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("\"openapi\":\"3.")
                .contains("/api/executions/{id}/restart").contains("/api/exceptions/{queue}/{id}/dismiss")
                .contains("/api/extracts/{id}/download").contains("/api/schedules/{id}/pause")
                .contains("/api/close/{period}").doesNotContain("\"/executions/{id}/restart\"");
    }

    private MockHttpServletResponse dismiss(String queue, long id, String comment) throws Exception {
        var request = post("/api/exceptions/" + queue + "/" + id + "/dismiss").with(httpBasic("operator",
                TestUsers.PASSWORD));
        if (comment != null) {
            request.contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"" + comment + "\"}");
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private long importException(String kind, String location) {
        jdbc.update("INSERT INTO import_exception (file_name, kind, location, reason, created_at)"
                + " VALUES ('bank.sta', ?, ?, 'test', ?)", kind, location, Timestamp.from(Instant.now()));
        return jdbc.queryForObject("SELECT MAX(id) FROM import_exception", Long.class);
    }
}
