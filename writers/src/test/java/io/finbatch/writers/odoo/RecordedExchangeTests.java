package io.finbatch.writers.odoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replays every JSON exchange recorded on a real Odoo 19.0: the stub answers with Odoo's recorded status,
 * headers and body; the test asserts that the client sent the recorded request (same JSON structure,
 * same service, method and argument order, same JSON-2 path and headers) and read the answer right:
 * ids as {@code Long}, amounts as exact {@code BigDecimal}, many2one as {@code [id, name]}, {@code false}
 * kept, and each error classified with Odoo's own message.
 *
 * <p>The client call of each case is derived from the recorded request itself (its model, method and
 * arguments), so the values the client sends are the recorded ones, digit for digit.
 */
class RecordedExchangeTests {

    private static RecordedExchanges recorded;

    @BeforeAll
    static void locate() {
        recorded = RecordedExchanges.locate();
    }

    /** One recording and what the client must make of it; {@code json2Path} is null for JSON-RPC. */
    record Case(String name, String json2Path, Consumer<Supplier<Object>> expectation) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                rpc("01_version", returns(info -> assertThat(info).isEqualTo(new OdooServerInfo("19.0", 19, true)))),
                rpc("02_authenticate", returns(uid -> assertThat(uid).isEqualTo(2L))),
                rpc("02b_authenticate_bad", fails(OdooAccessException.class, null,
                        "Odoo refused the login for user admin on database finance")),
                rpc("03_journals", returns(result -> {
                    List<Map<String, Object>> journals = records(result);
                    assertThat(journals).hasSize(12);
                    assertThat(journals.get(0)).containsEntry("id", 7L).containsEntry("name", "Sales")
                            .containsEntry("company_id", List.of(2L, "My US Company"))
                            .containsEntry("default_account_id", List.of(88L, "Product Sales"))
                            .containsEntry("suspense_account_id", Boolean.FALSE)
                            .containsEntry("currency_id", Boolean.FALSE);
                    assertThat(journals.get(5)).containsEntry("id", 6L).containsEntry("type", "bank")
                            .containsEntry("suspense_account_id", List.of(45L, "101402 Bank Suspense Account"));
                })),
                rpc("04_partner_create", returns(ids -> assertThat(ids).isEqualTo(List.of(43L)))),
                rpc("04b_partner_create_list", returns(ids -> assertThat(ids).isEqualTo(List.of(44L, 45L)))),
                rpc("05_accounts", returns(result -> {
                    List<Map<String, Object>> accounts = records(result);
                    assertThat(accounts).extracting(a -> a.get("code"))
                            .containsExactly("101000", "101401", "121000", "211000", "400000", "600000");
                    assertThat(accounts.get(0)).containsEntry("company_ids", List.of(1L))
                            .containsEntry("reconcile", Boolean.FALSE);
                    assertThat(accounts.get(2)).containsEntry("account_type", "asset_receivable")
                            .containsEntry("reconcile", Boolean.TRUE);
                })),
                rpc("06_move_create", returns(ids -> assertThat(ids).isEqualTo(List.of(57L)))),
                rpc("07_move_read_draft", returns(result -> {
                    Map<String, Object> move = records(result).get(0);
                    assertThat(move).containsEntry("id", 57L).containsEntry("name", Boolean.FALSE)
                            .containsEntry("state", "draft")
                            .containsEntry("journal_id", List.of(3L, "Miscellaneous Operations"))
                            .containsEntry("date", "2026-11-26")
                            .containsEntry("line_ids", List.of(149L, 150L));
                    assertThat(move.get("amount_total")).isInstanceOf(BigDecimal.class)
                            .isEqualTo(new BigDecimal("150.0"));
                })),
                rpc("08_action_post", returns(result -> assertThat(result).isSameAs(Boolean.FALSE))),
                rpc("09_move_read_posted", returns(result -> assertThat(records(result).get(0))
                        .containsEntry("name", "MISC/2026/11/0003").containsEntry("state", "posted")
                        .containsEntry("amount_total", new BigDecimal("150.0")))),
                rpc("10_lines_read", returns(result -> {
                    List<Map<String, Object>> lines = records(result);
                    assertThat(lines.get(0)).containsEntry("partner_id", List.of(43L, "ACME Test Supplier"))
                            .containsEntry("debit", new BigDecimal("150.0"))
                            .containsEntry("credit", new BigDecimal("0.0"));
                    assertThat(lines.get(1)).containsEntry("account_id", List.of(44L, "101401 Bank"))
                            .containsEntry("partner_id", Boolean.FALSE)
                            .containsEntry("balance", new BigDecimal("-150.0"))
                            .containsEntry("parent_state", "posted");
                })),
                rpc("11_err_unbalanced_create", fails(OdooBusinessException.class, "odoo.exceptions.UserError",
                        "The entry is not balanced.")),
                rpc("12_err_missing_required_journal", fails(OdooBusinessException.class,
                        "odoo.exceptions.ValidationError",
                        "The operation cannot be completed: Missing required value for the field 'Type' (type).")),
                rpc("13_err_partner_no_name", fails(OdooBusinessException.class, "odoo.exceptions.ValidationError",
                        "The operation cannot be completed: Contacts require a name")),
                rpc("14_err_unknown_field", fails(OdooBusinessException.class, "builtins.ValueError",
                        "Invalid field 'no_such_field' in 'res.partner'")),
                rpc("15_err_bad_password", fails(OdooAccessException.class, "odoo.exceptions.AccessDenied",
                        "Access Denied")),
                rpc("16_err_no_method", fails(OdooProtocolException.class, "builtins.AttributeError",
                        "The method 'res.partner.no_such_method' does not exist")),
                rpc("17_err_move_line_missing_account", fails(OdooBusinessException.class,
                        "odoo.exceptions.ValidationError",
                        "The operation cannot be completed: Missing required account on accountable line.")),
                rpc("18_err_bad_model", fails(OdooBusinessException.class, "odoo.exceptions.UserError",
                        "Object no.such.model doesn't exist")),
                rpc("19_bsl_fields_get", returns(result -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Map<String, Object>> fields = (Map<String, Map<String, Object>>) result;
                    assertThat(fields.get("journal_id")).containsEntry("type", "many2one")
                            .containsEntry("relation", "account.journal").containsEntry("required", Boolean.TRUE)
                            .containsEntry("readonly", Boolean.FALSE);
                    assertThat(fields.get("amount")).containsEntry("type", "monetary");
                    assertThat(fields).containsKeys("date", "payment_ref", "partner_name", "account_number",
                            "foreign_currency_id", "amount_currency", "transaction_details")
                            .doesNotContainKey("unique_import_id");
                })),
                rpc("20_bsl_create", returns(ids -> assertThat(ids).isEqualTo(List.of(21L)))),
                rpc("21_bsl_read", returns(result -> assertThat(records(result).get(0))
                        .containsEntry("amount", new BigDecimal("-150.0"))
                        .containsEntry("currency_id", List.of(1L, "USD"))
                        .containsEntry("move_id", List.of(60L, "BNK1/2026/00011"))
                        .containsEntry("statement_id", Boolean.FALSE)
                        .containsEntry("is_reconciled", Boolean.FALSE)
                        .containsEntry("state", "posted"))),
                rpc("22_bsl_move_lines", returns(result -> assertThat(records(result).get(1))
                        .containsEntry("id", 155L)
                        .containsEntry("account_id", List.of(45L, "101402 Bank Suspense Account"))
                        .containsEntry("debit", new BigDecimal("150.0")))),
                rpc("23_bsl_min", returns(ids -> assertThat(ids).isEqualTo(List.of(22L)))),
                rpc("24_bsl_no_journal", returns(ids -> assertThat(ids).isEqualTo(List.of(23L)))),
                rpc("25_bsl_misc_journal", fails(OdooBusinessException.class, "odoo.exceptions.UserError",
                        "You can't create a new statement line without a suspense account set on the "
                                + "Miscellaneous Operations journal.")),
                json2("30_j2_journals", "account.journal/search_read", returns(result -> {
                    List<Map<String, Object>> journals = records(result);
                    assertThat(journals).hasSize(2);
                    assertThat(journals.get(0)).containsEntry("id", 6L).containsEntry("code", "BNK1")
                            .containsEntry("company_id", List.of(1L, "YourCompany"));
                })),
                json2("31_j2_partner_create", "res.partner/create",
                        returns(ids -> assertThat(ids).isEqualTo(List.of(47L)))),
                json2("32_j2_move_create", "account.move/create",
                        returns(ids -> assertThat(ids).isEqualTo(List.of(64L)))),
                json2("33_j2_action_post", "account.move/action_post",
                        returns(result -> assertThat(result).isSameAs(Boolean.FALSE))),
                json2("34_j2_read", "account.move/read", returns(result -> assertThat(records(result))
                        .containsExactly(Map.of("id", 64L, "name", "MISC/2026/11/0004", "state", "posted")))),
                json2("35_j2_unbalanced", "account.move/create", fails(OdooBusinessException.class,
                        "odoo.exceptions.UserError", "The entry is not balanced.")),
                json2("36_j2_missing_field", "account.journal/create", fails(OdooBusinessException.class,
                        "odoo.exceptions.ValidationError",
                        "The operation cannot be completed: Missing required value for the field 'Type' (type).")),
                json2("37_j2_bad_key", "res.partner/search", fails(OdooAccessException.class,
                        "werkzeug.exceptions.Unauthorized", "Invalid apikey")),
                json2("38_j2_bad_method", "res.partner/nope", fails(OdooProtocolException.class,
                        "werkzeug.exceptions.NotFound", "The method 'res.partner.nope' does not exist")),
                json2("39_j2_bsl_create", "account.bank.statement.line/create",
                        returns(ids -> assertThat(ids).isEqualTo(List.of(25L)))),
                rpc("50_lock_set", fails(OdooBusinessException.class, "odoo.exceptions.RedirectWarning",
                        "There are still unreconciled bank statement lines in the period you want to lock.")),
                rpc("51_move_in_locked_period", returns(ids -> assertThat(ids).isEqualTo(List.of(68L)))),
                rpc("52_lock_set_ok", returns(result -> assertThat(result).isEqualTo("written"))),
                rpc("53_move_before_lock", returns(ids -> assertThat(ids).isEqualTo(List.of(69L)))),
                rpc("54_bsl_before_lock", returns(ids -> assertThat(ids).isEqualTo(List.of(26L)))),
                rpc("55_post_before_lock", returns(result -> assertThat(result).isSameAs(Boolean.FALSE))),
                rpc("56_read_redated_move", returns(result -> assertThat(records(result).get(0))
                        .containsEntry("date", "2021-01-31").containsEntry("name", "MISC/2021/01/0001")
                        .containsEntry("state", "posted"))),
                rpc("57_read_redated_bsl", returns(result -> assertThat(records(result).get(0))
                        .containsEntry("date", "2021-12-31")
                        .containsEntry("move_id", List.of(70L, "BNK1/2021/00001")))));
    }

    @Test
    void everyRecordedJsonExchangeIsReplayed() {
        assertThat(cases().map(Case::name)).containsExactlyElementsOf(recorded.jsonExchangeNames());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void replay(Case testCase) {
        RecordedExchanges.Exchange exchange = recorded.load(testCase.name());
        if (testCase.json2Path() == null) {
            replayJsonRpc(exchange, testCase.expectation());
        } else {
            replayJson2(exchange, testCase.json2Path(), testCase.expectation());
        }
    }

    // --- JSON-RPC ---------------------------------------------------------------------------------

    private void replayJsonRpc(RecordedExchanges.Exchange exchange, Consumer<Supplier<Object>> expectation) {
        JsonNode params = exchange.request().get("params");
        String service = params.get("service").stringValue();
        String method = params.get("method").stringValue();
        JsonNode args = params.get("args");
        boolean modelCall = service.equals("object");
        String key = modelCall || method.equals("authenticate") ? args.get(2).stringValue() : TestClients.API_KEY;
        JsonNode kwargs = modelCall && args.size() > 6 ? args.get(6) : null;
        Map<String, Object> context = kwargs != null && kwargs.has("context") ? map(kwargs.get("context")) : Map.of();
        FakeTime time = new FakeTime();
        try (OdooStub stub = new OdooStub();
                OdooClient client = OdooClients.create(
                        TestClients.settings(stub.url(), OdooProtocol.JSON_RPC, key), context,
                        time.environment(0.5))) {
            RecordedExchanges.Exchange login = recorded.load("02_authenticate");
            if (modelCall) {
                stub.serve(login);
            }
            stub.serve(exchange);

            expectation.accept(() -> callJsonRpc(client, service, method, args));

            if (modelCall) {
                ObjectNode expectedLogin = (ObjectNode) login.request().deepCopy();
                ((ArrayNode) expectedLogin.get("params").get("args")).set(2, key);
                assertSentJsonRpc(stub.take(), expectedLogin);
            }
            assertSentJsonRpc(stub.take(), exchange.request());
            assertThat(stub.requestCount()).isEqualTo(modelCall ? 2 : 1);
            assertThat(time.sleeps()).as("no retries").isEmpty();
        }
    }

    /** The client call the recorded request stands for. */
    private static Object callJsonRpc(OdooClient client, String service, String method, JsonNode args) {
        if (service.equals("common") && method.equals("version")) {
            return client.serverInfo();
        }
        if (service.equals("common") && method.equals("authenticate")) {
            return client.authenticate();
        }
        String model = args.get(3).stringValue();
        String modelMethod = args.get(4).stringValue();
        JsonNode positional = args.get(5);
        JsonNode kwargs = args.size() > 6 ? args.get(6) : JsonNodeFactory.instance.objectNode();
        switch (modelMethod) {
            case "search_read":
                return client.searchRead(model, list(positional.get(0)), strings(kwargs.get("fields")),
                        integer(kwargs.get("limit")), text(kwargs.get("order")));
            case "search":
                return client.search(model, list(positional.get(0)), integer(kwargs.get("limit")),
                        text(kwargs.get("order")));
            case "search_count":
                return client.searchCount(model, list(positional.get(0)));
            case "read":
                return client.read(model, ids(positional.get(0)), strings(kwargs.get("fields")));
            case "create":
                return client.create(model, valsList(positional.get(0)));
            case "write":
                client.write(model, ids(positional.get(0)), map(positional.get(1)));
                return "written";
            case "fields_get":
                return client.fieldsGet(model, strings(kwargs.get("attributes")));
            default:
                Map<String, Object> rest = new LinkedHashMap<>(map(kwargs));
                rest.remove("context");
                return client.call(model, modelMethod, positional.isEmpty() ? null : ids(positional.get(0)), rest);
        }
    }

    private static void assertSentJsonRpc(OdooStub.Sent sent, JsonNode recordedRequest) {
        assertHttp11Post(sent, "/jsonrpc");
        assertThat(sent.body().get("id").isIntegralNumber()).as("JSON-RPC id").isTrue();
        assertThat(normalized(sent.body())).isEqualTo(normalized(recordedRequest));
    }

    /**
     * The request up to what is the same call to Odoo: the id is a counter; {@code execute_kw} without
     * kwargs means empty kwargs; {@code create} with one dict is {@code create} with a list of that dict
     * (the client always sends the list form, Odoo answers a list of ids).
     */
    private static JsonNode normalized(JsonNode request) {
        ObjectNode copy = (ObjectNode) request.deepCopy();
        copy.remove("id");
        JsonNode params = copy.get("params");
        if (params.get("service").stringValue().equals("object")
                && params.get("method").stringValue().equals("execute_kw")) {
            ArrayNode args = (ArrayNode) params.get("args");
            if (args.size() == 6) {
                args.addObject();
            }
            ArrayNode positional = (ArrayNode) args.get(5);
            if (args.get(4).stringValue().equals("create") && positional.get(0).isObject()) {
                ArrayNode list = JsonNodeFactory.instance.arrayNode();
                list.add(positional.get(0));
                positional.set(0, list);
            }
        }
        return copy;
    }

    // --- JSON-2 -----------------------------------------------------------------------------------

    private void replayJson2(RecordedExchanges.Exchange exchange, String path,
            Consumer<Supplier<Object>> expectation) {
        String model = path.substring(0, path.indexOf('/'));
        String method = path.substring(path.indexOf('/') + 1);
        JsonNode body = exchange.request();
        Map<String, Object> context = body.has("context") ? map(body.get("context")) : Map.of();
        FakeTime time = new FakeTime();
        try (OdooStub stub = new OdooStub();
                OdooClient client = OdooClients.create(
                        TestClients.settings(stub.url(), OdooProtocol.JSON_2, TestClients.API_KEY), context,
                        time.environment(0.5))) {
            stub.serve(exchange);

            expectation.accept(() -> callJson2(client, model, method, body));

            OdooStub.Sent sent = stub.take();
            assertHttp11Post(sent, "/json/2/" + path);
            assertThat(sent.authorization()).isEqualTo("bearer " + TestClients.API_KEY);
            assertThat(sent.database()).isEqualTo("finance");
            assertThat(sent.body()).isEqualTo(body);
            assertThat(stub.requestCount()).isEqualTo(1);
            assertThat(time.sleeps()).as("no retries").isEmpty();
        }
    }

    private static Object callJson2(OdooClient client, String model, String method, JsonNode body) {
        switch (method) {
            case "search_read":
                return client.searchRead(model, list(body.get("domain")), strings(body.get("fields")),
                        integer(body.get("limit")), text(body.get("order")));
            case "search":
                return client.search(model, list(body.get("domain")), integer(body.get("limit")),
                        text(body.get("order")));
            case "read":
                return client.read(model, ids(body.get("ids")), strings(body.get("fields")));
            case "create":
                return client.create(model, valsList(body.get("vals_list")));
            default:
                Map<String, Object> kwargs = new LinkedHashMap<>(map(body));
                kwargs.remove("ids");
                kwargs.remove("context");
                return client.call(model, method, body.has("ids") ? ids(body.get("ids")) : null, kwargs);
        }
    }

    // --- helpers ----------------------------------------------------------------------------------

    private static void assertHttp11Post(OdooStub.Sent sent, String path) {
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo(path);
        assertThat(sent.version()).isEqualTo("HTTP/1.1");
        assertThat(sent.upgrade()).as("no h2c upgrade").isNull();
        assertThat(sent.contentType()).startsWith("application/json");
    }

    private static Case rpc(String name, Consumer<Supplier<Object>> expectation) {
        return new Case(name, null, expectation);
    }

    private static Case json2(String name, String path, Consumer<Supplier<Object>> expectation) {
        return new Case(name, path, expectation);
    }

    private static Consumer<Supplier<Object>> returns(Consumer<Object> check) {
        return call -> check.accept(call.get());
    }

    private static Consumer<Supplier<Object>> fails(Class<? extends OdooException> type, String errorName,
            String messageStart) {
        return call -> {
            Throwable thrown = catchThrowable(call::get);
            assertThat(thrown).isExactlyInstanceOf(type).hasMessageStartingWith(messageStart);
            assertThat(((OdooException) thrown).errorName()).isEqualTo(errorName);
        };
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> records(Object result) {
        assertThat(result).isInstanceOf(List.class);
        return (List<Map<String, Object>>) result;
    }

    private static List<?> list(JsonNode node) {
        return (List<?>) OdooJson.toJava(node);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(JsonNode node) {
        return (Map<String, Object>) OdooJson.toJava(node);
    }

    @SuppressWarnings("unchecked")
    private static List<Long> ids(JsonNode node) {
        return (List<Long>) OdooJson.toJava(node);
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(JsonNode node) {
        return node == null ? null : (List<String>) OdooJson.toJava(node);
    }

    /** {@code create}'s argument: a list of dicts, or one dict (older callers' form) as a list of one. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> valsList(JsonNode node) {
        if (node.isObject()) {
            return List.of(map(node));
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (JsonNode vals : node) {
            list.add((Map<String, Object>) OdooJson.toJava(vals));
        }
        return list;
    }

    private static Integer integer(JsonNode node) {
        return node == null ? null : Math.toIntExact(node.longValue());
    }

    private static String text(JsonNode node) {
        return node == null ? null : node.stringValue();
    }
}
