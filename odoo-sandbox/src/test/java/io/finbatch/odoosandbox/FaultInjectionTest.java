package io.finbatch.odoosandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {

    private OdooSandbox sandbox;
    private SandboxClient client;

    @BeforeEach
    void start() {
        sandbox = OdooSandbox.start(new SandboxOptions().seed(SandboxOptions.Seed.CHART_ONLY));
        client = new SandboxClient(sandbox.url());
    }

    @AfterEach
    void stop() {
        sandbox.stop();
    }

    private SandboxClient.Response search() {
        return client.json2("res.partner", "search", Map.of("domain", List.of()));
    }

    @Test
    void latencyDelaysEveryCall() {
        sandbox.faults().latency(Duration.ofMillis(300));
        long start = System.nanoTime();
        assertThat(search().status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void nextRequestsFailWithTheGivenStatus() {
        sandbox.faults().failNext(2, 503, Duration.ofSeconds(7));
        SandboxClient.Response first = search();
        assertThat(first.status()).isEqualTo(503);
        assertThat(first.header("Retry-After")).isEqualTo("7");
        assertThat(client.jsonRpc("common", "version", List.of()).status()).isEqualTo(503);
        assertThat(search().status()).isEqualTo(200);
        for (int status : List.of(429, 502, 504)) {
            sandbox.faults().failNext(1, status);
            SandboxClient.Response failed = search();
            assertThat(failed.status()).isEqualTo(status);
            assertThat(failed.header("Retry-After")).isNull();
        }
        long before = sandbox.count("res.partner");
        sandbox.faults().failNext(1, 503);
        client.json2("res.partner", "create", Map.of("vals_list", List.of(Map.of("name", "Not executed"))));
        assertThat(sandbox.count("res.partner")).isEqualTo(before);
    }

    @Test
    void committingCallsCommitThenLoseTheirAnswer() {
        sandbox.faults().dropAfterCommitNext(1);
        assertThat(search().status()).isEqualTo(200); // a read does not use the fault
        assertThatThrownBy(() -> client.json2("res.partner", "create", Map.of("vals_list", List.of(Map.of("name", "Committed", "ref", "DROP")))))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(sandbox.findByRef("res.partner", "DROP")).hasSize(1);
        assertThat(client.call("res.partner", "search_count", List.of(List.of(List.of("ref", "=", "DROP"))), Map.of())).isEqualTo(1L);
    }

    @Test
    void unauthorizedAsEachTransportReportsIt() {
        sandbox.faults().unauthorizedNext(2);
        SandboxClient.Response json2 = search();
        assertThat(json2.status()).isEqualTo(401);
        assertThat(json2.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(json2.map().get("name")).isEqualTo("werkzeug.exceptions.Unauthorized");
        SandboxClient.Response rpc = client.executeKw("res.partner", "search_count", List.of(List.of()), Map.of());
        assertThat(rpc.errorData().get("name")).isEqualTo("odoo.exceptions.AccessDenied");
        assertThat(search().status()).isEqualTo(200);
    }

    @Test
    void faultsStateAndResetOverHttpForAnotherProcess() {
        SandboxClient.Response set = client.post("/sandbox/faults", Map.of("failNext", 1, "failStatus", 429,
                "retryAfterSeconds", 2, "latencyMillis", 10), Map.of());
        assertThat(set.map()).containsEntry("failNext", 1L).containsEntry("failStatus", 429L).containsEntry("latencyMillis", 10L);
        assertThat(search().status()).isEqualTo(429);
        client.post("/sandbox/faults", Map.of("clear", true), Map.of());
        assertThat(client.get("/sandbox/faults").map()).containsEntry("latencyMillis", 0L).containsEntry("failNext", 0L);

        client.call("res.partner", "create", List.of(Map.of("name", "Visible", "ref", "R-1")), Map.of());
        Map<String, Object> state = client.get("/sandbox/state").map();
        assertThat(Json.asMap(state.get("counts"))).containsEntry("res.partner", sandbox.count("res.partner"));
        List<Object> byRef = Json.asList(client.get("/sandbox/records?model=res.partner&ref=R-1").body());
        assertThat(byRef).hasSize(1);
        client.post("/sandbox/reset", Map.of(), Map.of());
        assertThat(Json.asList(client.get("/sandbox/records?model=res.partner&ref=R-1").body())).isEmpty();
        assertThat(client.get("/web/version").map()).containsEntry("version", "19.0");
    }

    @Test
    void stopLeavesNoThreadRunning() {
        search();
        sandbox.stop();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("odoo-sandbox-") && t.isAlive());
        assertThatThrownBy(this::search).isInstanceOf(UncheckedIOException.class);
    }
}
