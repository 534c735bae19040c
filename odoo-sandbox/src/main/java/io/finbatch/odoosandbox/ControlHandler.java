package io.finbatch.odoosandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The sandbox's own endpoints, for tests that drive it from another process (not part of Odoo's API):
 * {@code GET /sandbox/state} (records per model, server version, pending faults),
 * {@code GET /sandbox/records?model=account.move&ref=X} (records, optionally by {@code ref}),
 * {@code GET|POST /sandbox/faults} (see {@link FaultInjector#apply}), {@code POST /sandbox/reset};
 * and Odoo's {@code GET /web/version}.
 */
final class ControlHandler implements HttpHandler {

    private final OdooSandbox sandbox;

    ControlHandler(OdooSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public void handle(HttpExchange exchange) throws java.io.IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            ApiHandler.send(exchange, answer(exchange, body));
        } catch (RuntimeException e) {
            ApiHandler.send(exchange, ApiHandler.Reply.json(400, Map.of("error", String.valueOf(e.getMessage())), false, Map.of()));
        } finally {
            exchange.close();
        }
    }

    private ApiHandler.Reply answer(HttpExchange exchange, byte[] body) {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        switch (method + " " + path) {
            case "GET /web/version": {
                Map<String, Object> version = new LinkedHashMap<>();
                version.put("version_info", ApiHandler.versionInfo(sandbox.options()));
                version.put("version", sandbox.options().serverVersion());
                return ApiHandler.Reply.json(200, version, false, Map.of());
            }
            case "GET /sandbox/state": {
                Map<String, Object> state = new LinkedHashMap<>();
                state.put("serverVersion", sandbox.options().serverVersion());
                state.put("database", sandbox.options().database());
                state.put("counts", sandbox.counts());
                state.put("faults", sandbox.faults().state());
                return ApiHandler.Reply.json(200, state, false, Map.of());
            }
            case "GET /sandbox/records": {
                String model = query.get("model");
                Object records = query.containsKey("ref") ? sandbox.findByRef(model, query.get("ref")) : sandbox.records(model);
                return ApiHandler.Reply.json(200, records, false, Map.of());
            }
            case "GET /sandbox/faults":
                return ApiHandler.Reply.json(200, sandbox.faults().state(), false, Map.of());
            case "POST /sandbox/faults": {
                Map<String, Object> request = body.length == 0 ? Map.of() : Json.asMap(Json.parse(body));
                if (request == null) {
                    throw new IllegalArgumentException("expected a JSON object");
                }
                sandbox.faults().apply(request);
                return ApiHandler.Reply.json(200, sandbox.faults().state(), false, Map.of());
            }
            case "POST /sandbox/reset":
                sandbox.reset();
                return ApiHandler.Reply.json(200, Map.of("counts", sandbox.counts()), false, Map.of());
            default:
                return ApiHandler.Reply.json(404, Map.of("error", "unknown sandbox endpoint " + method + " " + path), false,
                        Map.of());
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            out.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
