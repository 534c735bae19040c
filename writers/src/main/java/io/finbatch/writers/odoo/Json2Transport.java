package io.finbatch.writers.odoo;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Odoo 19's JSON-2 API: {@code POST /json/2/<model>/<method>} with {@code Authorization: bearer <key>}
 * and {@code X-Odoo-Database}, the method's arguments by name in the body ({@code ids}, {@code context}
 * and the Python parameter names). Each call is its own transaction. Errors come as a bare JSON object
 * ({@code name}, {@code message}) with a real HTTP status: 422 for a refused record, 401 for a bad key,
 * 404 for an unknown model or method.
 */
final class Json2Transport implements OdooTransport {

    static final String PREFIX = "/json/2/";

    private final OdooSettings settings;
    private final OdooHttp http;
    private final RetryingCaller retrying;
    private final Clock clock;
    private final Map<String, Object> context;
    private final Map<String, String> headers;
    private Long uid;

    Json2Transport(OdooSettings settings, OdooHttp http, RetryingCaller retrying, Clock clock,
            Map<String, Object> context) {
        this.settings = settings;
        this.http = http;
        this.retrying = retrying;
        this.clock = clock;
        this.context = context;
        this.headers = Map.of(
                "Authorization", "bearer " + settings.apiKey(),
                "X-Odoo-Database", settings.database());
    }

    @Override
    public OdooProtocol protocol() {
        return OdooProtocol.JSON_2;
    }

    /**
     * JSON-2 needs no uid; we ask it of {@code res.users.context_get}, which on 19 answers the user's
     * context including {@code uid}, or else look the login up in {@code res.users}.
     */
    @Override
    public synchronized long authenticate() {
        if (uid == null) {
            Object userContext = execute(userContextCall());
            Long fromContext = uidIn(userContext);
            uid = fromContext != null ? fromContext : uidOfLogin();
        }
        return uid;
    }

    /**
     * Asks {@code res.users.context_get} to learn whether this server serves JSON-2 at all.
     *
     * @return false when it answers 404 (no JSON-2 here, or a proxy does not pass it on); true otherwise,
     *         keeping the uid when the answer has it
     * @throws OdooException when JSON-2 is there but refuses (401 for a bad key...)
     */
    synchronized boolean probe() {
        ModelCall call = userContextCall();
        ProbeAnswer answer = retrying.call(call.describe() + " (JSON-2 probe)", false, () -> {
            OdooHttp.Answer http = this.http.post(path(call), headers, body(call));
            return http.status() == 404 ? new ProbeAnswer(false, null) : new ProbeAnswer(true, resultOf(http, call));
        });
        if (answer.served() && uid == null) {
            uid = uidIn(answer.userContext());
        }
        return answer.served();
    }

    private record ProbeAnswer(boolean served, Object userContext) {
    }

    @Override
    public Object execute(ModelCall call) {
        byte[] body = body(call);
        String path = path(call);
        return retrying.call(call.describe(), call.changesData(),
                () -> resultOf(http.post(path, headers, body), call));
    }

    private static ModelCall userContextCall() {
        return new ModelCall("res.users", "context_get", null, Map.of(), Map.of(), false);
    }

    private long uidOfLogin() {
        ModelCall search = new ModelCall("res.users", "search_read", null,
                Map.of("domain", List.of(List.of("login", "=", settings.login()))),
                ModelCall.keywords("fields", List.of("id"), "limit", 1L), false);
        Object found = execute(search);
        if (found instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> user) {
            return OdooJson.toId(user.get("id"), "res.users id");
        }
        throw new OdooAccessException(null, "Odoo shows no user " + settings.login() + " on database "
                + settings.database() + " to the API key's owner", null);
    }

    private static Long uidIn(Object userContext) {
        if (userContext instanceof Map<?, ?> map && map.get("uid") instanceof Long id) {
            return id;
        }
        return null;
    }

    private static String path(ModelCall call) {
        return PREFIX + call.model() + "/" + call.method();
    }

    private byte[] body(ModelCall call) {
        Map<String, Object> body = new LinkedHashMap<>();
        // An empty ids is the same as none for Odoo (an empty recordset); leave it out.
        if (call.ids() != null && !call.ids().isEmpty()) {
            body.put("ids", call.ids());
        }
        body.putAll(call.positional());
        body.putAll(call.keywords());
        if (!context.isEmpty()) {
            body.put("context", context);
        }
        return OdooJson.write(body);
    }

    private Object resultOf(OdooHttp.Answer answer, ModelCall call) {
        if (answer.status() == 200) {
            return OdooJson.toJava(OdooJson.read(answer.body(), "Odoo's answer to " + call.describe()));
        }
        throw errorOf(answer, call);
    }

    /** What a non-200 answer means: Odoo's error object when the body is one, else its status alone. */
    private RuntimeException errorOf(OdooHttp.Answer answer, ModelCall call) {
        JsonNode error = tryRead(answer.body());
        String name = null;
        String message = null;
        if (error != null && error.isObject()) {
            name = text(error.get("name"));
            message = text(error.get("message"));
        } else if (error != null && error.isString()) {
            message = error.stringValue(); // some builds answer a bare message string
        }
        if (name == null && message == null) {
            return OdooErrorClassifier.classifyStatus(answer.status(), "POST " + path(call),
                    OdooHttp.retryAfter(answer, clock));
        }
        return OdooErrorClassifier.classify(name, OdooErrorClassifier.withoutSecret(message, settings.apiKey()),
                answer.status(), OdooHttp.retryAfter(answer, clock));
    }

    private static JsonNode tryRead(String body) {
        try {
            return body == null || body.isBlank() ? null : OdooJson.read(body, "answer");
        } catch (OdooProtocolException notJson) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() ? node.stringValue() : null;
    }
}
