package io.finbatch.odoosandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every recorded JSON-RPC and JSON-2 exchange with Odoo 19.0 (files 01-39 and 50-57 of
 * {@code shared/odoo/recorded-19.0}), in order, against one sandbox seeded like the recorded database with today
 * = 2026-11-26 (the recording day), and checks the answer is the recorded one:
 *
 * <ul>
 * <li>same structure, keys, value types and values, errors (name, message, arguments, code) included;</li>
 * <li>same HTTP status, {@code Content-Type}, {@code WWW-Authenticate} (JSON-2);</li>
 * <li>ids: seeded records keep the recorded ids; ids of records created during the replay may differ and are
 *     mapped (the recording also ran XML-RPC 40-46, which consumed entry 67, so entries created from 51 on are one
 *     lower in the sandbox); request ids are rewritten through that mapping;</li>
 * <li>allowed differences: the sandbox adds {@code debug} to error data (the recordings had their tracebacks
 *     removed); {@code fields_get} of statement lines reports the subset of Odoo's 199 fields the sandbox models,
 *     each with Odoo's exact attributes.</li>
 * </ul>
 */
class RecordedExchangesTest {

    /** JSON-2 files record the body only: their model/method and whether they use a bad key. */
    private static final Map<String, String> JSON2_ROUTES = Map.of(
            "30", "account.journal/search_read", "31", "res.partner/create", "32", "account.move/create",
            "33", "account.move/action_post", "34", "account.move/read", "35", "account.move/create",
            "36", "account.journal/create", "37", "res.partner/search_read", "38", "res.partner/nope",
            "39", "account.bank.statement.line/create");
    /** First id the recorded server gave to a new record, per model: below it, ids are seeded and must match. */
    private static final Map<String, Long> FIRST_NEW_ID = Map.of("res.partner", 43L, "account.move", 57L,
            "account.move.line", 149L, "account.bank.statement.line", 21L, "account.journal", 13L,
            "account.account", 151L);
    private static final Map<String, String> RELATIONS = Map.ofEntries(Map.entry("partner_id", "res.partner"),
            Map.entry("move_id", "account.move"), Map.entry("journal_id", "account.journal"),
            Map.entry("account_id", "account.account"), Map.entry("company_id", "res.company"),
            Map.entry("currency_id", "res.currency"), Map.entry("default_account_id", "account.account"),
            Map.entry("suspense_account_id", "account.account"), Map.entry("line_ids", "account.move.line"),
            Map.entry("statement_id", "account.bank.statement"));

    private static OdooSandbox sandbox;
    private static SandboxClient client;
    private static final Map<String, Map<Long, Long>> idMap = new HashMap<>();

    @BeforeAll
    static void start() {
        sandbox = OdooSandbox.start(new SandboxOptions()
                .clock(Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC)));
        client = new SandboxClient(sandbox.url());
    }

    @AfterAll
    static void stop() {
        sandbox.stop();
    }

    @TestFactory
    Stream<DynamicTest> replaysEveryRecordedExchangeInOrder() throws IOException {
        String dir = System.getProperty("finbatch.odooRecordings");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(Path.of(dir)), "recordings not found: " + dir);
        List<Path> requests;
        try (Stream<Path> files = Files.list(Path.of(dir))) {
            requests = files.filter(p -> p.getFileName().toString().endsWith(".req.json")).sorted().toList();
        }
        assertThat(requests).hasSizeGreaterThanOrEqualTo(45);
        return requests.stream().map(req -> DynamicTest.dynamicTest(req.getFileName().toString(), () -> replay(req)));
    }

    private void replay(Path requestFile) throws IOException {
        String name = requestFile.getFileName().toString().replace(".req.json", "");
        String number = name.substring(0, 2);
        Object request = Json.parse(Files.readAllBytes(requestFile));
        Object expected = Json.parse(Files.readAllBytes(requestFile.resolveSibling(name + ".resp.json")));
        Path headersFile = requestFile.resolveSibling(name + ".resp.headers");
        if (JSON2_ROUTES.containsKey(number)) {
            String[] route = JSON2_ROUTES.get(number).split("/");
            String model = route[0];
            Map<String, Object> body = Json.asMap(rewrite(request, model, null));
            String key = number.equals("37") ? "not-a-valid-key" : SandboxOptions.DEFAULT_API_KEY;
            SandboxClient.Response response = client.post("/json/2/" + model + "/" + route[1], body,
                    Map.of("Authorization", "bearer " + key, "X-Odoo-Database", "finance"));
            List<String> headers = Files.readAllLines(headersFile);
            int status = Integer.parseInt(headers.get(0).split(" ")[1]);
            assertThat(response.status()).as(name + " status").isEqualTo(status);
            for (String header : headers.subList(1, headers.size())) {
                int colon = header.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String headerName = header.substring(0, colon);
                String value = header.substring(colon + 1).trim();
                if (Set.of("Content-Type", "WWW-Authenticate", "X-Content-Type-Options").contains(headerName)) {
                    assertThat(response.header(headerName)).as(name + " " + headerName).isNotNull();
                    assertThat(response.header(headerName).trim()).as(name + " " + headerName).isEqualTo(value);
                }
            }
            compare(name, expected, response.body(), "$", model, null);
        } else {
            Map<String, Object> rpc = Json.asMap(request);
            Map<String, Object> params = Json.asMap(rpc.get("params"));
            List<Object> args = Json.asList(params.get("args"));
            String model = "execute_kw".equals(params.get("method")) ? (String) args.get(3) : null;
            Object rewritten = rewrite(request, model, null);
            SandboxClient.Response response = client.post("/jsonrpc", rewritten, Map.of());
            assertThat(response.status()).as(name + " status").isEqualTo(200);
            assertThat(response.header("Content-Type")).startsWith("application/json");
            compare(name, expected, response.body(), "$", model, null);
        }
    }

    /** Rewrites recorded ids of records created during the replay to the sandbox's. */
    private Object rewrite(Object value, String model, String field) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                String key = (String) k;
                String target = "ids".equals(key) ? model : RELATIONS.containsKey(key) ? RELATIONS.get(key) : null;
                out.put(key, target != null ? rewriteIds(v, target) : rewrite(v, model, key));
            });
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            // a domain leaf [field, op, value]
            if (list.size() == 3 && list.get(0) instanceof String f && RELATIONS.containsKey(f)) {
                return List.of(f, list.get(1), rewriteIds(list.get(2), RELATIONS.get(f)));
            }
            // execute_kw args: [db, uid, password, model, method, [ids, ...] for record methods]
            if (list.size() >= 6 && "finance".equals(list.get(0)) && list.get(3) instanceof String m
                    && List.of("read", "action_post", "write", "unlink").contains(list.get(4))) {
                List<Object> positional = new ArrayList<>(Json.asList(list.get(5)));
                positional.set(0, rewriteIds(positional.get(0), m));
                List<Object> args = new ArrayList<>(list);
                args.set(5, rewrite(positional, m, null));
                return args;
            }
            list.forEach(v -> out.add(rewrite(v, model, field)));
            return out;
        }
        return value;
    }

    private Object rewriteIds(Object value, String model) {
        if (value instanceof Long id) {
            return idMap.getOrDefault(model, Map.of()).getOrDefault(id, id);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(rewriteIds(v, model)));
            return out;
        }
        return value;
    }

    private void compare(String file, Object expected, Object actual, String path, String model, String field) {
        String where = file + " " + path;
        if (expected instanceof Map<?, ?> exp) {
            assertThat(actual).as(where).isInstanceOf(Map.class);
            Map<String, Object> act = Json.asMap(actual);
            Set<String> actualKeys = new java.util.HashSet<>(act.keySet());
            if (exp.containsKey("name") && exp.containsKey("arguments")) {
                actualKeys.remove("debug"); // Odoo sends the traceback; the recordings had it removed
            }
            if (file.startsWith("19_") && path.equals("$.result")) {
                compareFieldsGet(file, Json.asMap(expected), act);
                return;
            }
            assertThat(actualKeys).as(where + " keys").isEqualTo(exp.keySet());
            for (Map.Entry<?, ?> e : exp.entrySet()) {
                String key = (String) e.getKey();
                String childModel = "result".equals(key) ? model : model;
                compare(file, e.getValue(), act.get(key), path + "." + key, childModel, key);
            }
            return;
        }
        if (expected instanceof List<?> exp) {
            assertThat(actual).as(where).isInstanceOf(List.class);
            List<Object> act = Json.asList(actual);
            assertThat(act).as(where + " size").hasSize(exp.size());
            if (file.startsWith("30_") && path.equals("$")) {
                // journals tie on Odoo's order (sequence, type, code): PostgreSQL returned them in a different order
                // in 03 and 30, so the order of equal keys is not part of the contract
                exp = sortedById(exp);
                act = new ArrayList<>(sortedById(act));
            }
            boolean many2one = exp.size() == 2 && exp.get(0) instanceof Long && exp.get(1) instanceof String
                    && field != null && RELATIONS.containsKey(field);
            for (int i = 0; i < exp.size(); i++) {
                if (many2one && i == 0) {
                    checkId(where + "[0]", RELATIONS.get(field), (Long) exp.get(0), act.get(0));
                } else if (("line_ids".equals(field) || isCreateResult(file, path)) && exp.get(i) instanceof Long id) {
                    checkId(where + "[" + i + "]", "line_ids".equals(field) ? "account.move.line" : model, id, act.get(i));
                } else {
                    compare(file, exp.get(i), act.get(i), path + "[" + i + "]", model, field);
                }
            }
            return;
        }
        if (expected instanceof Long id && (("id".equals(field) && !path.equals("$.id")) || isCreateResult(file, path))) {
            checkId(where, model, id, actual);
            return;
        }
        if (expected instanceof Double) {
            assertThat(actual).as(where + " (float)").isInstanceOf(Double.class).isEqualTo(expected);
            return;
        }
        assertThat(actual).as(where).isEqualTo(expected);
    }

    private static List<?> sortedById(List<?> rows) {
        List<Object> sorted = new ArrayList<>(rows);
        sorted.sort(java.util.Comparator.comparing(row -> (Long) Json.asMap(row).get("id")));
        return sorted;
    }

    private static boolean isCreateResult(String file, String path) {
        return (path.equals("$.result") || path.equals("$")) && (file.contains("create") || file.startsWith("20_")
                || file.startsWith("23_") || file.startsWith("24_") || file.startsWith("51_") || file.startsWith("53_")
                || file.startsWith("54_"));
    }

    /** Seeded ids must be the recorded ones; ids of records created by the replay are learnt once and then kept. */
    private void checkId(String where, String model, Long expected, Object actual) {
        assertThat(actual).as(where + " (id)").isInstanceOf(Long.class);
        Long first = FIRST_NEW_ID.get(model);
        if (first == null || expected < first) {
            assertThat(actual).as(where + " (seeded id of " + model + ")").isEqualTo(expected);
            return;
        }
        Map<Long, Long> ids = idMap.computeIfAbsent(model, m -> new HashMap<>());
        Long known = ids.putIfAbsent(expected, (Long) actual);
        if (known != null && !known.equals(actual)) {
            fail(where + ": " + model + " " + expected + " was " + known + " in the sandbox, now " + actual);
        }
    }

    /** fields_get: every field the sandbox reports exists in Odoo with the same attributes; the used ones are there. */
    private void compareFieldsGet(String file, Map<String, Object> expected, Map<String, Object> actual) {
        for (Map.Entry<String, Object> e : actual.entrySet()) {
            assertThat(expected).as(file + " field " + e.getKey() + " exists in Odoo 19").containsKey(e.getKey());
            assertThat(e.getValue()).as(file + " attributes of " + e.getKey()).isEqualTo(expected.get(e.getKey()));
        }
        assertThat(actual).containsKeys("id", "display_name", "move_id", "journal_id", "company_id", "statement_id",
                "sequence", "partner_id", "account_number", "partner_name", "transaction_type", "payment_ref",
                "currency_id", "amount", "foreign_currency_id", "amount_currency", "amount_residual", "internal_index",
                "is_reconciled", "transaction_details", "date", "ref", "name", "state", "move_type", "line_ids",
                "narration").doesNotContainKey("unique_import_id");
        assertThat(expected).doesNotContainKey("unique_import_id");
    }
}
