package io.finbatch.writers.odoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code AUTO}: JSON-2 on an Odoo 19 that serves it, JSON-RPC on 17 or when JSON-2 answers 404. */
class ProtocolSelectionTests {

    private static final String VERSION_19 = version("19.0", 19);
    private static final String USER_CONTEXT = "{\"lang\": \"en_US\", \"tz\": false, \"uid\": 2}";
    private static final String JOURNALS = "[{\"id\": 6, \"name\": \"Bank\"}]";

    private final OdooStub stub = new OdooStub();
    private final FakeTime time = new FakeTime();

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void odoo19IsSpokenToOverJson2() {
        stub.answer(200, VERSION_19);
        stub.answer(200, USER_CONTEXT);
        stub.answer(200, JOURNALS);
        OdooClient client = TestClients.client(stub, OdooProtocol.AUTO, time);

        List<Map<String, Object>> journals = client.searchRead("account.journal", List.of(), List.of("name"), null,
                null);

        assertThat(journals).containsExactly(Map.of("id", 6L, "name", "Bank"));
        assertThat(client.protocol()).isEqualTo(OdooProtocol.JSON_2);
        assertThat(client.serverInfo()).isEqualTo(new OdooServerInfo("19.0", 19, true));
        assertThat(client.authenticate()).as("uid from the probe's context_get").isEqualTo(2L);
        assertThat(stub.take().path()).isEqualTo("/jsonrpc");
        OdooStub.Sent probe = stub.take();
        assertThat(probe.path()).isEqualTo("/json/2/res.users/context_get");
        assertThat(probe.authorization()).isEqualTo("bearer " + TestClients.API_KEY);
        assertThat(probe.body().isEmpty()).isTrue();
        assertThat(stub.take().path()).isEqualTo("/json/2/account.journal/search_read");
        assertThat(stub.requestCount()).isEqualTo(3);
    }

    @Test
    void recordedOdoo19VersionAnswerSelectsJson2() {
        RecordedExchanges recorded = RecordedExchanges.locate();
        stub.serve(recorded.load("01_version"));
        stub.answer(200, USER_CONTEXT);
        stub.serve(recorded.load("31_j2_partner_create"));
        OdooClient client = TestClients.client(stub, OdooProtocol.AUTO, time);

        assertThat(client.create("res.partner", List.of(Map.of("name", "JSON2 Partner")))).containsExactly(47L);
        assertThat(client.protocol()).isEqualTo(OdooProtocol.JSON_2);
    }

    @Test
    void odoo17IsSpokenToOverJsonRpcWithoutProbingJson2() {
        stub.answer(200, version("17.0", 17));
        stub.answer(200, "{\"jsonrpc\": \"2.0\", \"id\": 2, \"result\": 2}");
        stub.answer(200, "{\"jsonrpc\": \"2.0\", \"id\": 3, \"result\": " + JOURNALS + "}");
        OdooClient client = TestClients.client(stub, OdooProtocol.AUTO, time);

        assertThat(client.searchRead("account.journal", List.of(), List.of("name"), null, null)).hasSize(1);
        assertThat(client.protocol()).isEqualTo(OdooProtocol.JSON_RPC);
        assertThat(client.serverInfo()).isEqualTo(new OdooServerInfo("17.0", 17, false));
        assertThat(stub.take().body().get("params").get("method").stringValue()).isEqualTo("version");
        assertThat(stub.take().body().get("params").get("method").stringValue()).isEqualTo("authenticate");
        assertThat(stub.take().body().get("params").get("method").stringValue()).isEqualTo("execute_kw");
        assertThat(stub.requestCount()).isEqualTo(3);
    }

    @Test
    void aServerWhoseJson2Answers404FallsBackToJsonRpc() {
        stub.answer(200, VERSION_19);
        stub.answer(404, "<html><title>404: Not Found</title></html>");
        stub.answer(200, "{\"jsonrpc\": \"2.0\", \"id\": 2, \"result\": 2}");
        OdooClient client = TestClients.client(stub, OdooProtocol.AUTO, time);

        assertThat(client.protocol()).isEqualTo(OdooProtocol.JSON_RPC);
        assertThat(client.serverInfo()).isEqualTo(new OdooServerInfo("19.0", 19, false));
        assertThat(client.authenticate()).isEqualTo(2L);
        stub.take();
        assertThat(stub.take().path()).isEqualTo("/json/2/res.users/context_get");
        assertThat(stub.take().path()).isEqualTo("/jsonrpc");
    }

    @Test
    void aBadKeyOnTheJson2ProbeIsAnAccessError() {
        stub.answer(200, VERSION_19);
        stub.answer(401, "{\"name\": \"werkzeug.exceptions.Unauthorized\", \"message\": \"Invalid apikey\"}",
                "WWW-Authenticate", "Bearer");
        OdooClient client = TestClients.client(stub, OdooProtocol.AUTO, time);

        OdooAccessException e = catchThrowableOfType(OdooAccessException.class,
                () -> client.search("res.partner", List.of(), null, null));

        assertThat(e.errorName()).isEqualTo("werkzeug.exceptions.Unauthorized");
        assertThat(stub.requestCount()).isEqualTo(2);
    }

    @Test
    void json2LooksTheUidUpWhenContextGetHasNone() {
        stub.answer(200, "{\"lang\": \"en_US\", \"tz\": false}");
        stub.answer(200, "[{\"id\": 7}]");
        OdooClient client = TestClients.client(stub, OdooProtocol.JSON_2, time);

        assertThat(client.authenticate()).isEqualTo(7L);
        assertThat(stub.take().path()).isEqualTo("/json/2/res.users/context_get");
        OdooStub.Sent lookup = stub.take();
        assertThat(lookup.path()).isEqualTo("/json/2/res.users/search_read");
        assertThat(OdooJson.toJava(lookup.body())).isEqualTo(Map.of(
                "domain", List.of(List.of("login", "=", "admin")), "fields", List.of("id"), "limit", 1L));
    }

    @Test
    void withoutJsonRpcTheVersionComesFromTheWebClientRoute() {
        stub.answer(404, "");
        stub.answer(200, "{\"jsonrpc\": \"2.0\", \"id\": 2, \"result\": {\"server_version\": \"saas~20.1\","
                + " \"server_version_info\": [\"saas~20\", 1, 0, \"final\", 0, \"\"]}}");
        OdooClient client = TestClients.client(stub, OdooProtocol.JSON_2, time);

        assertThat(client.serverInfo()).isEqualTo(new OdooServerInfo("saas~20.1", 20, true));
        assertThat(stub.take().path()).isEqualTo("/jsonrpc");
        OdooStub.Sent webVersion = stub.take();
        assertThat(webVersion.path()).isEqualTo("/web/webclient/version_info");
        assertThat(webVersion.body().get("params").isEmpty()).isTrue();
    }

    private static String version(String serverVersion, int major) {
        return "{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": {\"server_version\": \"" + serverVersion
                + "\", \"server_version_info\": [" + major + ", 0, 0, \"final\", 0, \"\"], \"server_serie\": \""
                + serverVersion + "\", \"protocol_version\": 1}}";
    }
}
