package io.finbatch.writers.odoo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;

/** A stand-in Odoo on MockWebServer: serves queued answers, hands back what the client sent. */
final class OdooStub implements AutoCloseable {

    /** A request the client sent. */
    record Sent(String method, String path, String version, String contentType, String authorization,
            String database, String upgrade, JsonNode body) {
    }

    private final MockWebServer server = new MockWebServer();

    OdooStub() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI url() {
        return URI.create(server.url("/").toString());
    }

    /** Answers the next request as Odoo did in the recording. */
    void serve(RecordedExchanges.Exchange exchange) {
        MockResponse.Builder response = new MockResponse.Builder().status(exchange.statusLine());
        for (String[] header : exchange.headers()) {
            // The recorded Content-Length is that of the body before the traceback was cut out.
            if (!header[0].equalsIgnoreCase("Content-Length")) {
                response.addHeader(header[0], header[1]);
            }
        }
        server.enqueue(response.body(exchange.responseBody()).build());
    }

    /** Answers the next request with a JSON body. */
    void answer(int status, String body, String... headerNamesAndValues) {
        MockResponse.Builder response = new MockResponse.Builder().code(status)
                .addHeader("Content-Type", "application/json; charset=utf-8");
        for (int i = 0; i < headerNamesAndValues.length; i += 2) {
            response.addHeader(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
        }
        server.enqueue(response.body(body).build());
    }

    void enqueue(MockResponse response) {
        server.enqueue(response);
    }

    /** The next request the client sent (fails the test if none came within 5 s). */
    Sent take() {
        try {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            if (request == null) {
                throw new AssertionError("the client sent no further request");
            }
            String body = request.getBody() == null ? "" : request.getBody().utf8();
            return new Sent(request.getMethod(), request.getUrl().encodedPath(), request.getVersion(),
                    request.getHeaders().get("Content-Type"), request.getHeaders().get("Authorization"),
                    request.getHeaders().get("X-Odoo-Database"), request.getHeaders().get("Upgrade"),
                    body.isEmpty() ? null : OdooJson.read(body, "the client's request"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    int requestCount() {
        return server.getRequestCount();
    }

    @Override
    public void close() {
        server.close();
    }
}
