package io.finbatch.writers.odoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** The factory's checks, what the client sends and reads around the edges, and what it logs. */
class OdooClientsTests {

    private final OdooStub stub = new OdooStub();
    private final FakeTime time = new FakeTime();

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void settingsLeftNullTakeTheDefaults() {
        OdooSettings settings = OdooClients.withDefaults(new OdooSettings(URI.create("https://odoo.example"),
                "finance", "batch", "key", null, null, null, 0, 1, null, null));

        assertThat(settings.protocol()).isEqualTo(OdooProtocol.AUTO);
        assertThat(settings.connectTimeout()).isEqualTo(OdooClients.DEFAULT_CONNECT_TIMEOUT);
        assertThat(settings.readTimeout()).isEqualTo(OdooClients.DEFAULT_READ_TIMEOUT);
        assertThat(settings.initialBackoff()).isEqualTo(OdooClients.DEFAULT_INITIAL_BACKOFF);
        assertThat(settings.maxBackoff()).isEqualTo(OdooClients.DEFAULT_MAX_BACKOFF);
    }

    @Test
    void settingsThatCannotWorkAreRefused() {
        URI url = URI.create("https://odoo.example");
        assertThatThrownBy(() -> OdooClients.create(new OdooSettings(url, "finance", "batch", " ", null, null, null,
                0, 1, null, null))).isInstanceOf(IllegalArgumentException.class).hasMessage("Odoo API key is missing");
        assertThatThrownBy(() -> OdooClients.create(new OdooSettings(url, "finance", "batch", "key", null, null, null,
                0, 0, null, null))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> OdooClients.create(new OdooSettings(URI.create("ftp://odoo.example"), "finance",
                "batch", "key", null, null, null, 0, 1, null, null))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OdooClients.create(new OdooSettings(url, "finance", "batch", "key", null,
                Duration.ZERO, null, 0, 1, null, null))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OdooClients.create(new OdooSettings(url, "finance", "batch", "key", null, null, null,
                -1, 1, null, null))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theKeyNeverShowsInToStringNorInErrorMessages() {
        stub.answer(401, "{\"name\": \"werkzeug.exceptions.Unauthorized\", \"message\": \"Invalid apikey "
                + TestClients.API_KEY + "\"}");
        OdooClient client = TestClients.client(stub, OdooProtocol.JSON_2, time);

        OdooAccessException e = catchThrowableOfType(OdooAccessException.class,
                () -> client.search("res.partner", List.of(), null, null));

        assertThat(e).hasMessage("Invalid apikey ****");
        assertThat(client.toString()).doesNotContain(TestClients.API_KEY).contains("apiKey=****");
    }

    @Test
    void aUrlWithAPathAndATrailingSlashIsFollowed() {
        stub.answer(200, "{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": {\"server_version\": \"17.0\","
                + " \"server_version_info\": [17, 0, 0, \"final\", 0, \"\"]}}");
        OdooClient client = TestClients.client(TestClients.settings(stub.url().resolve("/odoo/"),
                OdooProtocol.JSON_RPC, TestClients.API_KEY), time);

        assertThat(client.serverInfo().major()).isEqualTo(17);
        assertThat(stub.take().path()).isEqualTo("/odoo/jsonrpc");
    }

    @Test
    void moneyDatesAndContextGoOutAsOdooReadsThem() {
        stub.answer(200, "[80]");
        OdooClient client = OdooClients.create(TestClients.settings(stub.url(), OdooProtocol.JSON_2,
                TestClients.API_KEY), Map.of("allowed_company_ids", List.of(1L)), time.environment(0.5));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("journal_id", 6L);
        line.put("date", LocalDate.of(2026, 11, 26));
        line.put("amount", new BigDecimal("-1234.50"));

        assertThat(client.create("account.bank.statement.line", List.of(line))).containsExactly(80L);

        assertThat(stub.take().body().toString()).isEqualTo("{\"vals_list\":[{\"journal_id\":6,\"date\":"
                + "\"2026-11-26\",\"amount\":-1234.50}],\"context\":{\"allowed_company_ids\":[1]}}");
    }

    @Test
    void answersOfTheWrongShapeAreProtocolErrorsThatShowNoValues() {
        stub.answer(200, "{\"id\": 1, \"acc_number\": \"DE89370400440532013000\"}");
        stub.answer(200, "[81]");
        stub.answer(200, "false");
        OdooClient client = TestClients.client(stub, OdooProtocol.JSON_2, time);

        OdooProtocolException notAList = catchThrowableOfType(OdooProtocolException.class,
                () -> client.searchRead("res.partner.bank", List.of(), null, null, null));
        OdooProtocolException tooFewIds = catchThrowableOfType(OdooProtocolException.class,
                () -> client.create("res.partner", List.of(Map.of("name", "A"), Map.of("name", "B"))));
        OdooProtocolException writeNotTrue = catchThrowableOfType(OdooProtocolException.class,
                () -> client.write("res.partner", List.of(1L), Map.of("name", "C")));

        assertThat(notAList).hasMessage("res.partner.bank.search_read answered an object with 2 members");
        assertThat(tooFewIds).hasMessage("res.partner.create answered 1 ids for 2 records");
        assertThat(writeNotTrue).hasMessage("res.partner.write answered false");
    }

    @Test
    void aJsonRpcAnswerThatIsNotJsonIsAProtocolError() {
        stub.answer(200, "<html>Odoo is starting</html>");
        OdooClient client = TestClients.client(stub, OdooProtocol.JSON_RPC, time);

        OdooProtocolException e = catchThrowableOfType(OdooProtocolException.class, client::serverInfo);

        assertThat(e).hasMessageStartingWith("Odoo's answer to common.version is not JSON");
    }

    @Test
    void aJsonRpcServerErrorPageIsAProtocolErrorAndA502IsRetried() {
        stub.answer(500, "<html>Internal Server Error</html>");
        stub.answer(502, "<html>Bad Gateway</html>");
        stub.answer(200, "{\"jsonrpc\": \"2.0\", \"id\": 2, \"result\": {\"server_version\": \"18.0\","
                + " \"server_version_info\": [18, 0, 0, \"final\", 0, \"\"]}}");
        OdooClient client = TestClients.client(stub, OdooProtocol.JSON_RPC, time);

        OdooProtocolException e = catchThrowableOfType(OdooProtocolException.class, client::serverInfo);
        assertThat(e).hasMessage("HTTP 500 for POST /jsonrpc (common.version)");
        assertThat(client.serverInfo()).isEqualTo(new OdooServerInfo("18.0", 18, false));
        assertThat(stub.requestCount()).isEqualTo(3);
    }

    @Test
    void modelAndMethodNamesCannotLeaveTheJson2Path() {
        OdooClient client = TestClients.client(stub, OdooProtocol.JSON_2, time);

        assertThatThrownBy(() -> client.search("../web/database", List.of(), null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.call("res.partner", "write/../unlink", List.of(1L), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(stub.requestCount()).isZero();
    }

    @Test
    void aClosedClientRefusesCalls() {
        OdooClient client = TestClients.client(stub, OdooProtocol.JSON_2, time);
        client.close();

        assertThatThrownBy(() -> client.search("res.partner", List.of(), null, null))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void oneDebugLinePerCallWithoutArgumentsOrKey() {
        Logger logger = (Logger) LoggerFactory.getLogger(OdooApiClient.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level before = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logger.addAppender(appender);
        try {
            stub.answer(200, "[82]");
            stub.answer(422, "{\"name\": \"odoo.exceptions.UserError\", \"message\": \"The entry is not balanced.\"}");
            OdooClient client = TestClients.client(stub, OdooProtocol.JSON_2, time);
            Map<String, Object> vals = Map.of("account_number", "DE89370400440532013000", "amount",
                    new BigDecimal("10.00"));

            client.create("account.bank.statement.line", List.of(vals));
            catchThrowableOfType(OdooBusinessException.class, () -> client.create("account.move", List.of(vals)));

            assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                    .hasSize(2)
                    .allSatisfy(line -> assertThat(line).doesNotContain(TestClients.API_KEY, "DE89", "3000", "10.00"))
                    .satisfiesExactly(
                            line -> assertThat(line).matches(
                                    "Odoo JSON_2 account\\.bank\\.statement\\.line\\.create \\d+ ms: ok"),
                            line -> assertThat(line).matches(
                                    "Odoo JSON_2 account\\.move\\.create \\d+ ms: business odoo\\.exceptions\\.UserError"));
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(before);
        }
    }

    @Test
    void aJsonRpcMethodReturningNoneGivesNull() {
        // Odoo leaves "result" out of the JSON-RPC answer when the Python method returns None (button_draft)
        stub.answer(200, "{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": 2}");
        stub.answer(200, "{\"jsonrpc\": \"2.0\", \"id\": 2}");
        OdooClient client = TestClients.client(stub, OdooProtocol.JSON_RPC, time);

        assertThat(client.call("account.move", "button_draft", List.of(7L), java.util.Map.of())).isNull();
    }
}
