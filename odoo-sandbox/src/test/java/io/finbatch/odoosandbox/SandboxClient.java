package io.finbatch.odoosandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A bare HTTP client for the tests: posts JSON, returns status, headers and the parsed body. */
final class SandboxClient {

    record Response(int status, HttpResponse<String> raw, Object body) {

        Map<String, Object> map() {
            return Json.asMap(body);
        }

        Object result() {
            return map().get("result");
        }

        Map<String, Object> errorData() {
            Map<String, Object> error = Json.asMap(map().get("error"));
            return error == null ? null : Json.asMap(error.get("data"));
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private long nextId = 1;

    SandboxClient(URI base) {
        this.base = base;
    }

    Response post(String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.write(body)));
        headers.forEach(request::header);
        return send(request.build());
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20)).GET().build());
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Object body = null;
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (type.startsWith("application/json") && !response.body().isEmpty()) {
                body = Json.parse(response.body());
            }
            return new Response(response.statusCode(), response, body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code object.execute_kw} as admin/admin. */
    Response executeKw(String model, String method, List<?> args, Map<String, ?> kwargs) {
        return jsonRpc("object", "execute_kw", List.of("finance", OdooSandbox.ADMIN_UID, "admin", model, method, args,
                kwargs));
    }

    Object call(String model, String method, List<?> args, Map<String, ?> kwargs) {
        Response response = executeKw(model, method, args, kwargs);
        if (response.map().containsKey("error")) {
            throw new AssertionError("Odoo error: " + response.errorData());
        }
        return response.result();
    }

    Response jsonRpc(String service, String method, List<?> args) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("service", service);
        params.put("method", method);
        params.put("args", new ArrayList<>(args));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jsonrpc", "2.0");
        body.put("method", "call");
        body.put("params", params);
        body.put("id", nextId++);
        return post("/jsonrpc", body, Map.of());
    }

    Response json2(String model, String method, Map<String, ?> body) {
        return post("/json/2/" + model + "/" + method, body, Map.of("Authorization", "bearer " + SandboxOptions.DEFAULT_API_KEY,
                "X-Odoo-Database", "finance"));
    }
}
