package io.finbatch.writers.odoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;

/**
 * Retries on transient faults: what is retried, how long the client waits (fake time: nothing waits for
 * real), and the one thing never retried: a data-changing call that may have reached Odoo.
 */
class RetryTests {

    private static final String JOURNALS = "[{\"id\": 6, \"name\": \"Bank\"}]";
    private static final List<Object> BANK = List.of(List.of("type", "=", "bank"));

    private final OdooStub stub = new OdooStub();
    private final FakeTime time = new FakeTime();

    @AfterEach
    void stop() {
        stub.close();
    }

    private OdooClient client() {
        return TestClients.client(stub, OdooProtocol.JSON_2, time);
    }

    private OdooClient client(Duration readTimeout, int maxAttempts) {
        OdooSettings s = TestClients.settings(stub.url(), OdooProtocol.JSON_2, TestClients.API_KEY);
        return TestClients.client(new OdooSettings(s.url(), s.database(), s.login(), s.apiKey(), s.protocol(),
                s.connectTimeout(), readTimeout, 0, maxAttempts, s.initialBackoff(), s.maxBackoff()), time);
    }

    @Test
    void serviceUnavailableTwiceThenSuccess() {
        stub.answer(503, "");
        stub.answer(503, "");
        stub.answer(200, JOURNALS);

        List<Map<String, Object>> journals = client().searchRead("account.journal", BANK, List.of("name"), null, null);

        assertThat(journals).containsExactly(Map.of("id", 6L, "name", "Bank"));
        assertThat(stub.requestCount()).isEqualTo(3);
        // full jitter with the draw fixed at 0.5: half of 100 ms, then half of 200 ms
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100));
    }

    @Test
    void waitsAreBoundedByTheBackoffCeilingAndMaxBackoff() {
        OdooSettings s = TestClients.settings(stub.url(), OdooProtocol.JSON_2, TestClients.API_KEY);
        OdooSettings sixAttempts = new OdooSettings(s.url(), s.database(), s.login(), s.apiKey(), s.protocol(),
                s.connectTimeout(), s.readTimeout(), 0, 6, Duration.ofMillis(100), Duration.ofMillis(300));
        for (int i = 0; i < 6; i++) {
            stub.answer(503, "");
        }
        // the highest draw a [0, 1) source gives
        OdooClient client = OdooClients.create(sixAttempts, Map.of(), time.environment(0.999_999));

        OdooTransientException e = catchThrowableOfType(OdooTransientException.class,
                () -> client.search("res.partner", List.of(), null, null));

        assertThat(e).isNotInstanceOf(OdooOutcomeUnknownException.class).hasMessageContaining("after 6 attempts");
        assertThat(stub.requestCount()).isEqualTo(6);
        List<Duration> ceilings = List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300),
                Duration.ofMillis(300), Duration.ofMillis(300));
        assertThat(time.sleeps()).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(time.sleeps().get(i)).isLessThanOrEqualTo(ceilings.get(i))
                    .isGreaterThan(ceilings.get(i).multipliedBy(99).dividedBy(100));
        }
    }

    @Test
    void retriesRunOutIntoATransientException() {
        stub.answer(503, "");
        stub.answer(503, "");
        stub.answer(503, "");

        OdooTransientException e = catchThrowableOfType(OdooTransientException.class,
                () -> client().searchRead("account.journal", BANK, null, null, null));

        assertThat(e).isExactlyInstanceOf(OdooTransientException.class)
                .hasMessage("account.journal.search_read failed after 3 attempts: "
                        + "HTTP 503 for POST /json/2/account.journal/search_read");
        assertThat(stub.requestCount()).isEqualTo(3);
        assertThat(time.sleeps()).hasSize(2);
    }

    @Test
    void retryAfterInSecondsIsHonoured() {
        stub.answer(503, "", "Retry-After", "2");
        stub.answer(200, JOURNALS);

        client().searchRead("account.journal", BANK, null, null, null);

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void retryAfterAsAnHttpDateIsHonoured() {
        String in4Seconds = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(FakeTime.START.plusSeconds(4).atZone(ZoneOffset.UTC));
        stub.answer(429, "", "Retry-After", in4Seconds);
        stub.answer(200, JOURNALS);

        client().searchRead("account.journal", BANK, null, null, null);

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(4));
    }

    @Test
    void tooManyRequestsIsRetried() {
        stub.answer(429, "");
        stub.answer(200, JOURNALS);

        assertThat(client().searchRead("account.journal", BANK, null, null, null)).hasSize(1);
        assertThat(stub.requestCount()).isEqualTo(2);
    }

    @Test
    void aRetryAfterLongerThanMaxBackoffEndsTheCallAtOnce() {
        stub.answer(503, "", "Retry-After", "3600");

        OdooTransientException e = catchThrowableOfType(OdooTransientException.class,
                () -> client().searchRead("account.journal", BANK, null, null, null));

        assertThat(e).hasMessageContaining("Odoo asks to retry after 3600 s, longer than maxBackoff 5 s");
        assertThat(stub.requestCount()).isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void aCreateRefusedWith503IsSentAgain() {
        stub.answer(503, "");
        stub.answer(200, "[71]");

        assertThat(client().create("res.partner", List.of(Map.of("name", "ACME")))).containsExactly(71L);
        assertThat(stub.requestCount()).isEqualTo(2);
    }

    @Test
    void aRefusedConnectionIsRetriedForEveryMethod() throws IOException {
        OdooClient client = TestClients.client(TestClients.settings(closedPort(), OdooProtocol.JSON_2,
                TestClients.API_KEY), time);

        OdooTransientException e = catchThrowableOfType(OdooTransientException.class,
                () -> client.create("res.partner", List.of(Map.of("name", "ACME"))));

        // the request never left: safe to repeat even a create, so no "outcome unknown"
        assertThat(e).isExactlyInstanceOf(OdooTransientException.class).hasMessageContaining("after 3 attempts")
                .hasCauseInstanceOf(ConnectException.class);
        assertThat(time.sleeps()).hasSize(2);
    }

    @Test
    void aReadTimeoutOnSearchReadIsRetried() {
        stub.enqueue(new MockResponse.Builder().code(200).body(JOURNALS)
                .headersDelay(2, TimeUnit.SECONDS).build());
        stub.answer(200, JOURNALS);

        List<Map<String, Object>> journals = client(Duration.ofMillis(250), 3)
                .searchRead("account.journal", BANK, null, null, null);

        assertThat(journals).hasSize(1);
        assertThat(stub.requestCount()).isEqualTo(2);
        assertThat(time.sleeps()).hasSize(1);
    }

    @Test
    void aReadTimeoutOnCreateIsOutcomeUnknownAndNotRetried() {
        stub.enqueue(new MockResponse.Builder().code(200).body("[72]")
                .headersDelay(2, TimeUnit.SECONDS).build());
        stub.answer(200, "[73]");

        OdooOutcomeUnknownException e = catchThrowableOfType(OdooOutcomeUnknownException.class,
                () -> client(Duration.ofMillis(250), 3).create("account.move", List.of(Map.of("ref", "BS-1"))));

        assertThat(e.mayHaveCommitted()).isTrue();
        assertThat(e).hasMessageStartingWith("account.move.create: no answer from Odoo")
                .hasMessageContaining("not sent again").hasCauseInstanceOf(HttpTimeoutException.class);
        assertThat(stub.requestCount()).isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void aConnectionClosedWithoutAnswerOnCreateIsOutcomeUnknown() {
        stub.enqueue(closedWithoutAnswer());

        OdooOutcomeUnknownException e = catchThrowableOfType(OdooOutcomeUnknownException.class,
                () -> client().create("account.bank.statement.line", List.of(Map.of("journal_id", 6L))));

        assertThat(e).hasMessageContaining("connection to Odoo lost before its answer")
                .hasCauseInstanceOf(IOException.class);
        assertThat(stub.requestCount()).isEqualTo(1);
    }

    @Test
    void aConnectionClosedWithoutAnswerOnActionPostOrWriteIsOutcomeUnknown() {
        stub.enqueue(closedWithoutAnswer());
        stub.enqueue(closedWithoutAnswer());
        OdooClient client = client();

        catchThrowableOfType(OdooOutcomeUnknownException.class,
                () -> client.call("account.move", "action_post", List.of(64L), Map.of()));
        catchThrowableOfType(OdooOutcomeUnknownException.class,
                () -> client.write("account.move", List.of(64L), Map.of("ref", "X")));

        assertThat(stub.requestCount()).isEqualTo(2);
    }

    @Test
    void aConnectionClosedWithoutAnswerOnARead() {
        stub.enqueue(closedWithoutAnswer());
        stub.answer(200, "[{\"id\": 64, \"state\": \"posted\"}]");

        assertThat(client().read("account.move", List.of(64L), List.of("state")))
                .containsExactly(Map.of("id", 64L, "state", "posted"));
        assertThat(stub.requestCount()).isEqualTo(2);
    }

    @Test
    void aGatewayTimeoutOnCreateIsOutcomeUnknownButRetriedOnSearch() {
        stub.answer(504, "<html>Gateway Time-out</html>");
        stub.answer(502, "<html>Bad Gateway</html>");
        stub.answer(200, "[5]");
        OdooClient client = client();

        catchThrowableOfType(OdooOutcomeUnknownException.class,
                () -> client.create("account.move", List.of(Map.of("ref", "BS-2"))));
        assertThat(client.search("account.move", List.of(List.of("ref", "=", "BS-2")), 1, null))
                .containsExactly(5L);
        assertThat(stub.requestCount()).isEqualTo(3);
    }

    @Test
    void accessErrorsAreNeverRetried() {
        stub.answer(401, "{\"name\": \"werkzeug.exceptions.Unauthorized\", \"message\": \"Invalid apikey\"}",
                "WWW-Authenticate", "Bearer");
        stub.answer(403, "");
        OdooClient client = client();

        catchThrowableOfType(OdooAccessException.class, () -> client.search("res.partner", List.of(), null, null));
        OdooAccessException forbidden = catchThrowableOfType(OdooAccessException.class,
                () -> client.search("res.partner", List.of(), null, null));

        assertThat(forbidden).hasMessageStartingWith("HTTP 403");
        assertThat(stub.requestCount()).isEqualTo(2);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void businessErrorsAreNeverRetried() {
        stub.answer(422, "{\"name\": \"odoo.exceptions.UserError\", \"message\": \"The entry is not balanced.\"}");

        catchThrowableOfType(OdooBusinessException.class,
                () -> client().create("account.move", List.of(Map.of("ref", "X"))));

        assertThat(stub.requestCount()).isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void aSerializationConflictOdooGaveUpOnIsRetriedEvenForCreate() {
        OdooClient client = TestClients.client(stub, OdooProtocol.JSON_RPC, time);
        stub.answer(200, "{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": 2}");
        stub.answer(200, "{\"jsonrpc\": \"2.0\", \"id\": 2, \"error\": {\"code\": 0, \"message\": \"Odoo Server Error\","
                + " \"data\": {\"name\": \"psycopg2.errors.SerializationFailure\", \"message\": \"could not serialize"
                + " access due to concurrent update\"}}}");
        stub.answer(200, "{\"jsonrpc\": \"2.0\", \"id\": 3, \"result\": [74]}");

        assertThat(client.create("account.move", List.of(Map.of("ref", "BS-3")))).containsExactly(74L);
        assertThat(stub.requestCount()).isEqualTo(3);
    }

    @Test
    void oneAttemptMeansNoRetry() {
        stub.answer(503, "");

        OdooTransientException e = catchThrowableOfType(OdooTransientException.class,
                () -> client(Duration.ofSeconds(5), 1).search("res.partner", List.of(), null, null));

        assertThat(e).hasMessageContaining("failed after 1 attempt:");
        assertThat(stub.requestCount()).isEqualTo(1);
    }

    private static MockResponse closedWithoutAnswer() {
        return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
    }

    private static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
        }
    }
}
