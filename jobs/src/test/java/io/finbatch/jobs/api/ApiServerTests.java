package io.finbatch.jobs.api;

import io.finbatch.jobs.FinanceBatchApplication;
import io.finbatch.jobs.support.TestDatabases;
import io.finbatch.jobs.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The API on a real embedded server: errors keep their status (no /error detour to 401), Basic challenge. */
@SpringBootTest(classes = FinanceBatchApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiServerTests {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
        TestUsers.register(registry);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void anonymousGetsABasicChallenge() throws Exception {
        HttpResponse<String> response = call("GET", "/api/executions", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Basic"));
    }

    @Test
    void errorsKeepTheirStatus() throws Exception {
        assertThat(call("GET", "/api/executions/424242", "viewer").statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/extracts/424242/download", "controller").statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/close/not-a-month", "controller").statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/extracts/424242/download", "operator").statusCode()).isEqualTo(403);
        HttpResponse<String> periods = call("GET", "/api/periods", "viewer");
        assertThat(periods.statusCode()).isEqualTo(200);
        assertThat(periods.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).contains("json"));
    }

    private HttpResponse<String> call(String method, String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
