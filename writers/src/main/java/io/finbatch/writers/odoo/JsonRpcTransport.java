package io.finbatch.writers.odoo;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;

/**
 * Odoo's JSON-RPC: {@code POST /jsonrpc} with {@code {"jsonrpc":"2.0","method":"call","params":{"service":...,
 * "method":...,"args":[...]},"id":N}}. Served by every Odoo up to 19 (deprecated there). Model calls go
 * through {@code object.execute_kw [db, uid, key, model, method, args, kwargs]}, which needs the uid that
 * {@code common.authenticate} gives; it is asked once and kept. Errors come with HTTP 200 and an
 * {@code error.data} carrying Odoo's exception name and message.
 */
final class JsonRpcTransport implements OdooTransport {

    static final String PATH = "/jsonrpc";
    /** Where Odoo's web client asks the version; still there when {@code /jsonrpc} is gone (Odoo 20+). */
    static final String WEB_VERSION_PATH = "/web/webclient/version_info";

    private final OdooSettings settings;
    private final OdooHttp http;
    private final RetryingCaller retrying;
    private final Clock clock;
    private final Map<String, Object> context;
    private final AtomicLong requestIds = new AtomicLong();
    private Long uid;

    JsonRpcTransport(OdooSettings settings, OdooHttp http, RetryingCaller retrying, Clock clock,
            Map<String, Object> context) {
        this.settings = settings;
        this.http = http;
        this.retrying = retrying;
        this.clock = clock;
        this.context = context;
    }

    @Override
    public OdooProtocol protocol() {
        return OdooProtocol.JSON_RPC;
    }

    /**
     * {@code common.version}; when {@code /jsonrpc} answers 404 (an Odoo that dropped it), the web client's
     * {@code version_info}, which answers the same.
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> version() {
        Object result = retrying.call("common.version", false, () -> {
            OdooHttp.Answer answer = http.post(PATH, Map.of(), envelope(serviceParams("common", "version", List.of())));
            if (answer.status() == 404) {
                return null;
            }
            return resultOf(answer, "common.version");
        });
        if (result == null) {
            result = retrying.call("version_info", false,
                    () -> resultOf(http.post(WEB_VERSION_PATH, Map.of(), envelope(Map.of())), "version_info"));
        }
        if (!(result instanceof Map<?, ?> map)) {
            throw new OdooProtocolException(null, "common.version answered " + OdooJson.describe(result), null);
        }
        return (Map<String, Object>) map;
    }

    @Override
    public synchronized long authenticate() {
        if (uid == null) {
            List<Object> args = List.of(settings.database(), settings.login(), settings.apiKey(), Map.of());
            Object result = retrying.call("common.authenticate", false,
                    () -> resultOf(http.post(PATH, Map.of(), envelope(serviceParams("common", "authenticate", args))),
                            "common.authenticate"));
            // A wrong login or key is not an error on this endpoint: the answer is just false.
            if (Boolean.FALSE.equals(result)) {
                throw new OdooAccessException(null, "Odoo refused the login for user " + settings.login()
                        + " on database " + settings.database(), null);
            }
            uid = OdooJson.toId(result, "common.authenticate's answer");
        }
        return uid;
    }

    @Override
    public Object execute(ModelCall call) {
        long userId = authenticate();
        List<Object> args = new ArrayList<>(List.of(settings.database(), userId, settings.apiKey(), call.model(),
                call.method(), call.positionalArgs()));
        Map<String, Object> kwargs = new LinkedHashMap<>(call.keywords());
        if (!context.isEmpty()) {
            kwargs.put("context", context);
        }
        if (!kwargs.isEmpty()) {
            args.add(kwargs);
        }
        byte[] body = envelope(serviceParams("object", "execute_kw", args));
        return retrying.call(call.describe(), call.changesData(),
                () -> resultOf(http.post(PATH, Map.of(), body), call.describe()));
    }

    private static Map<String, Object> serviceParams(String service, String method, List<Object> args) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("service", service);
        params.put("method", method);
        params.put("args", args);
        return params;
    }

    private byte[] envelope(Map<String, Object> params) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("jsonrpc", "2.0");
        request.put("method", "call");
        request.put("params", params);
        request.put("id", requestIds.incrementAndGet());
        return OdooJson.write(request);
    }

    /** The {@code result} of an answer, or the exception its {@code error} (or HTTP status) calls for. */
    private Object resultOf(OdooHttp.Answer answer, String what) {
        String secret = settings.apiKey();
        if (answer.status() != 200) {
            // Odoo answers errors with 200; another status comes from a proxy or a broken server, but
            // if the body still carries Odoo's error, its name is the better guide.
            JsonNode error = errorOf(tryRead(answer.body()));
            if (error != null) {
                throw classify(error, answer, secret);
            }
            throw OdooErrorClassifier.classifyStatus(answer.status(), "POST " + PATH + " (" + what + ")",
                    OdooHttp.retryAfter(answer, clock));
        }
        JsonNode root = OdooJson.read(answer.body(), "Odoo's answer to " + what);
        JsonNode error = errorOf(root);
        if (error != null) {
            throw classify(error, answer, secret);
        }
        if (!root.isObject() || !root.has("jsonrpc")) {
            throw new OdooProtocolException(null, "Odoo's answer to " + what + " has neither result nor error", null);
        }
        if (!root.has("result")) {
            return null; // a Python method returning None: Odoo leaves "result" out
        }
        return OdooJson.toJava(root.get("result"));
    }

    private RuntimeException classify(JsonNode error, OdooHttp.Answer answer, String secret) {
        JsonNode data = error.get("data");
        String name = data != null && data.isObject() ? textOrNull(data.get("name")) : null;
        String message = data != null && data.isObject() ? textOrNull(data.get("message")) : null;
        if (message == null) {
            message = textOrNull(error.get("message"));
        }
        return OdooErrorClassifier.classify(name, OdooErrorClassifier.withoutSecret(message, secret),
                answer.status(), OdooHttp.retryAfter(answer, clock));
    }

    private static JsonNode errorOf(JsonNode root) {
        if (root != null && root.isObject() && root.has("error") && !root.get("error").isNull()) {
            return root.get("error");
        }
        return null;
    }

    private static JsonNode tryRead(String body) {
        try {
            return OdooJson.read(body, "answer");
        } catch (OdooProtocolException notJson) {
            return null;
        }
    }

    private static String textOrNull(JsonNode node) {
        return node != null && node.isString() ? node.stringValue() : null;
    }
}
