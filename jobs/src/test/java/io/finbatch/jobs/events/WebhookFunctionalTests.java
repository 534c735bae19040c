package io.finbatch.jobs.events;

import io.finbatch.jobs.FinanceBatchApplication;
import io.finbatch.jobs.audit.AuditLog;
import io.finbatch.jobs.statementimport.ImportResult;
import io.finbatch.jobs.statementimport.StatementImportService;
import io.finbatch.jobs.support.Examples;
import io.finbatch.jobs.support.TestUsers;
import io.finbatch.writers.periods.FiscalPeriodRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Outgoing webhooks end to end on a real database (H2 and PostgreSQL subclasses): events written with their
 * business fact, sent by the dispatcher after commit, signed, retried with backoff, dead-lettered, redelivered
 * through the API and the console. Backoff and retry window are shortened to fractions of a second.
 */
@SpringBootTest(classes = FinanceBatchApplication.class, properties = {
    "finbatch.webhooks.dispatch=true",
    "finbatch.webhooks.poll-interval=100ms",
    "finbatch.webhooks.initial-backoff=100ms",
    "finbatch.webhooks.max-backoff=200ms",
    "finbatch.webhooks.give-up-after=1s",
    "finbatch.metrics.cache-ttl=0s"
})
@AutoConfigureMockMvc
abstract class WebhookFunctionalTests {

    private static final String SECRET = "test-secret-0123456789abcdef";

    @DynamicPropertySource
    static void users(DynamicPropertyRegistry registry) {
        TestUsers.register(registry);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StatementImportService imports;

    @Autowired
    FiscalPeriodRepository periods;

    @Autowired
    PlatformTransactionManager tx;

    @Autowired
    AuditLog audit;

    TestReceiver receiver;

    @BeforeEach
    void cleanSlate() throws Exception {
        jdbc.update("DELETE FROM webhook_delivery");
        jdbc.update("DELETE FROM webhook_event");
        jdbc.update("DELETE FROM webhook_subscription");
        jdbc.update("DELETE FROM statement_line");
        jdbc.update("DELETE FROM bank_statement");
        jdbc.update("DELETE FROM import_exception");
        jdbc.update("DELETE FROM statement_file");
        receiver = new TestReceiver(SECRET);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void eachEventArrivesOnceSignedEvenWhenTheReceiverAnswers500TwiceFirst() throws Exception {
        receiver.failFirstAttempts(2);
        subscribe("statement.imported", "job.completed");

        ImportResult result = imports.importFile(Examples.file(Examples.MT940));
        assertThat(result.status()).isEqualTo("IMPORTED");

        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.accepted().size() == 2);
        Thread.sleep(600); // several dispatcher rounds: nothing more may arrive
        assertThat(receiver.requests()).allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
        assertThat(receiver.requests()).hasSize(6);
        for (String eventId : receiver.accepted().keySet()) {
            assertThat(receiver.requestsFor(eventId)).as("500, 500, then accepted").isEqualTo(3);
        }
        assertThat(receiver.requests()).extracting(TestReceiver.Request::type).containsOnly("statement.imported",
                "job.completed");
        String imported = receiver.accepted().values().stream().filter(b -> b.contains("\"statement.imported\""))
                .findFirst().orElseThrow();
        assertThat(imported).containsPattern("\"linesImported\":[1-9]").contains("DE89**************3000")
                .doesNotContain("DE89370400440532013000").contains("\"executionId\":" + result.executionId());
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList("SELECT state FROM webhook_delivery",
                String.class).stream().allMatch("DELIVERED"::equals));
        assertThat(jdbc.queryForList("SELECT attempts FROM webhook_delivery", Integer.class)).containsOnly(3);
    }

    @Test
    void aReceiverThatStaysDownEndsInTheDeadLettersAndRedeliveryWorks() throws Exception {
        receiver.down(true);
        subscribe("period.cutoff");
        periods.setCutoff("HOOK", YearMonth.of(2026, 1), Instant.parse("2026-02-03T18:00:00Z"), "controller");

        await().atMost(Duration.ofSeconds(20)).until(() -> "DEAD".equals(onlyDeliveryState()));
        long id = jdbc.queryForObject("SELECT id FROM webhook_delivery", Long.class);
        assertThat(receiver.requests().size()).as("retried before giving up").isGreaterThan(1);
        String dead = mvc.perform(get("/api/webhooks/deliveries?state=DEAD").with(httpBasic("admin", "secret")))
                .andReturn().getResponse().getContentAsString();
        assertThat(dead).contains("\"id\":" + id).contains("\"state\":\"DEAD\"").contains("HTTP 503");

        receiver.down(false);
        int status = mvc.perform(post("/api/webhooks/deliveries/" + id + "/redeliver")
                .with(httpBasic("admin", "secret"))).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.accepted().size() == 1);
        // the receiver has answered; the sender records the delivery right after
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(onlyDeliveryState()));
        assertThat(receiver.accepted().values().iterator().next()).contains("\"entity\":\"HOOK\"")
                .contains("\"cutoffAt\":\"2026-02-03T18:00:00Z\"");
        assertThat(audit.latest("admin", "WEBHOOK_REDELIVER", 1)).singleElement()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo("SUCCEEDED"));

        // the console's redeliver sends the same event again; the receiver recognises it by its id
        String eventId = receiver.accepted().keySet().iterator().next();
        long before = receiver.requestsFor(eventId);
        MockHttpSession session = login("admin");
        String page = mvc.perform(get("/webhooks").session(session)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-delivery=\"" + id + "\"").contains("Redeliver").doesNotContain(SECRET);
        var redirect = mvc.perform(post("/webhooks/deliveries/" + id + "/redeliver").session(session).with(csrf()))
                .andReturn().getResponse();
        assertThat(redirect.getStatus()).isEqualTo(302);
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requestsFor(eventId) == before + 1
                && "DELIVERED".equals(onlyDeliveryState()));
        assertThat(receiver.accepted()).hasSize(1);

        String metrics = mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", "secret"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(metrics).containsPattern("finbatch_webhook_deliveries_total\\{outcome=\"dead_lettered\"} [1-9]")
                .containsPattern("finbatch_webhook_deliveries_total\\{outcome=\"sent\"} [1-9]")
                .containsPattern("finbatch_webhook_deliveries_total\\{outcome=\"failed\"} [1-9]")
                .contains("finbatch_webhook_oldest_undelivered_age_seconds 0.0");
    }

    @Test
    void anEventCommitsWithItsBusinessFactOrNotAtAll() {
        subscribe("period.cutoff", "period.locked");
        TransactionTemplate transaction = new TransactionTemplate(tx);
        transaction.executeWithoutResult(status -> {
            periods.setCutoff("ROLLBACK", YearMonth.of(2026, 2), Instant.parse("2026-03-03T18:00:00Z"), "controller");
            status.setRollbackOnly();
        });
        assertThatThrownBy(() -> periods.lock("NOCUT", YearMonth.of(2026, 2), "controller"))
                .hasMessageContaining("no cut-off");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM webhook_event", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM webhook_delivery", Long.class)).isZero();

        periods.setCutoff("KEPT", YearMonth.of(2026, 2), Instant.parse("2026-03-03T18:00:00Z"), "controller");
        periods.lock("KEPT", YearMonth.of(2026, 2), "controller");
        assertThat(jdbc.queryForList("SELECT type FROM webhook_event ORDER BY occurred_at", String.class))
                .containsExactly("period.cutoff", "period.locked");
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.accepted().size() == 2);
    }

    @Test
    void subscriptionsAreCheckedAndTheirSecretIsAnsweredOnceOnly() throws Exception {
        var bad = mvc.perform(post("/api/webhooks").with(httpBasic("admin", "secret"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"url\":\"ftp://x\",\"events\":[\"job.failed\"]}"))
                .andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(400);
        var unknown = mvc.perform(post("/api/webhooks").with(httpBasic("admin", "secret"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"url\":\"" + receiver.url() + "\",\"events\":[\"job.exploded\"]}")).andReturn().getResponse();
        assertThat(unknown.getStatus()).isEqualTo(400);
        var created = mvc.perform(post("/api/webhooks").with(httpBasic("admin", "secret"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"url\":\"" + receiver.url() + "\",\"events\":[\"job.failed\"]}")).andReturn().getResponse();
        assertThat(created.getStatus()).isEqualTo(201);
        assertThat(created.getContentAsString()).containsPattern("\"secret\":\"whsec_[0-9a-f]{64}\"");
        String listed = mvc.perform(get("/api/webhooks").with(httpBasic("admin", "secret"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(listed).contains(receiver.url()).doesNotContain("whsec_").doesNotContain("secret");
    }

    private void subscribe(String... events) {
        try {
            String body = "{\"url\":\"" + receiver.url() + "\",\"secret\":\"" + SECRET + "\",\"events\":[\""
                    + String.join("\",\"", events) + "\"]}";
            int status = mvc.perform(post("/api/webhooks").with(httpBasic("admin", "secret"))
                    .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getStatus();
            assertThat(status).isEqualTo(201);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String onlyDeliveryState() {
        return jdbc.queryForObject("SELECT state FROM webhook_delivery", String.class);
    }

    private MockHttpSession login(String user) throws Exception {
        var result = mvc.perform(post("/login").param("username", user).param("password", TestUsers.PASSWORD)
                .with(csrf())).andReturn();
        return (MockHttpSession) result.getRequest().getSession();
    }
}
