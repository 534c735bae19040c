package io.finbatch.odoosandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The common part of the API endpoints: reads the request, applies the injected faults (latency, failing statuses,
 * unauthenticated answers, connection dropped after a commit), and writes the answer.
 */
abstract class ApiHandler implements HttpHandler {

    static final String JSON = "application/json; charset=utf-8";

    /** An answer; {@code committed}: the call changed data (a connection drop fault applies to it). */
    record Reply(int status, Map<String, String> headers, byte[] body, boolean committed) {

        static Reply json(int status, Object value, boolean committed, Map<String, String> extraHeaders) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", JSON);
            headers.putAll(extraHeaders);
            return new Reply(status, headers, Json.write(value), committed);
        }
    }

    protected final OdooSandbox sandbox;

    ApiHandler(OdooSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public final void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            FaultInjector faults = sandbox.faults();
            long latency = faults.latencyMillis();
            if (latency > 0) {
                Thread.sleep(latency);
            }
            int failure = faults.takeFailure();
            if (failure != 0) {
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("Content-Type", "text/html; charset=utf-8");
                Long retryAfter = faults.retryAfterSeconds();
                if (retryAfter != null) {
                    headers.put("Retry-After", String.valueOf(retryAfter));
                }
                String reason = statusText(failure);
                send(exchange, new Reply(failure, headers, ("<html><head><title>" + failure + " " + reason
                        + "</title></head><body><h1>" + failure + " " + reason + "</h1></body></html>")
                        .getBytes(StandardCharsets.UTF_8), false));
                return;
            }
            Reply reply = answer(exchange, body);
            if (reply.committed() && faults.takeDropAfterCommit()) {
                return; // committed, and the connection is closed below without an answer
            }
            send(exchange, reply);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            OdooError error = OdooError.builtin(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
            send(exchange, Reply.json(500, errorData(error), false, Map.of()));
        } finally {
            exchange.close();
        }
    }

    abstract Reply answer(HttpExchange exchange, byte[] body);

    static void send(HttpExchange exchange, Reply reply) throws IOException {
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
        if (reply.body().length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
    }

    /** Odoo's {@code serialize_exception}: name, debug, message, arguments, context. */
    static Map<String, Object> errorData(OdooError error) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", error.name());
        data.put("debug", "Traceback (most recent call last):\n  File \"odoo-sandbox\", line 1, in call\n" + error.name()
                + ": " + error.getMessage() + "\n");
        data.put("message", error.getMessage());
        data.put("arguments", error.arguments());
        data.put("context", Map.of());
        return data;
    }

    static String statusText(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Error";
        };
    }

    static List<Object> versionInfo(SandboxOptions options) {
        return List.of((long) options.majorVersion(), 0L, 0L, "final", 0L, "");
    }
}
