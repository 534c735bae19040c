package io.finbatch.jobs.observability;

import io.finbatch.jobs.config.FinBatchProperties;
import io.finbatch.jobs.config.OdooProperties;
import io.finbatch.jobs.odooposting.OdooConnection;
import io.finbatch.writers.odoo.OdooProtocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The inbox and Odoo health indicators on their own. */
class ObservabilityHealthIndicatorTests {

    @TempDir
    Path dir;

    @Test
    void anInboxThatExistsAndIsWritableIsUp() {
        Health health = inbox(dir).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("path", dir.toAbsolutePath().normalize().toString());
    }

    @Test
    void aMissingInboxIsDownAndNotCreated() {
        Path missing = dir.resolve("gone");
        Health health = inbox(missing).health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("error", "does not exist");
        assertThat(missing).doesNotExist();
    }

    @Test
    void anInboxThatIsAFileIsDown() throws IOException {
        Path file = Files.writeString(dir.resolve("inbox.txt"), "x");
        Health health = inbox(file).health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("error", "not a folder");
    }

    @Test
    void theSandboxIsUpWithoutBeingStarted() {
        OdooProperties properties = odoo("sandbox", "");
        OdooConnection connection = new OdooConnection(properties, new org.springframework.beans.factory.support.StaticListableBeanFactory().getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class)) {
            @Override
            public synchronized io.finbatch.writers.odoo.OdooClient client() {
                throw new AssertionError("the sandbox must not be started for a health check");
            }
        };
        Health health = new OdooHealthIndicator(properties, connection).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("target", "sandbox");
    }

    @Test
    void aRealOdooThatDoesNotAnswerIsDown() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        OdooProperties properties = odoo("http://127.0.0.1:" + port, "key");
        OdooConnection connection = new OdooConnection(properties, new org.springframework.beans.factory.support.StaticListableBeanFactory().getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class));
        try {
            Health health = new OdooHealthIndicator(properties, connection).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("url", "http://127.0.0.1:" + port).containsKey("error");
        } finally {
            connection.destroy();
        }
    }

    @Test
    void aRealOdooWithoutAnApiKeyIsDownNamingTheSetting() {
        OdooProperties properties = odoo("http://127.0.0.1:9", "");
        OdooConnection connection = new OdooConnection(properties, new org.springframework.beans.factory.support.StaticListableBeanFactory().getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class));
        Health health = new OdooHealthIndicator(properties, connection).health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat((String) health.getDetails().get("error")).contains("FINBATCH_ODOO_API_KEY");
        connection.destroy();
    }

    private static InboxHealthIndicator inbox(Path path) {
        return new InboxHealthIndicator(new FinBatchProperties(path, 500, null));
    }

    private static OdooProperties odoo(String url, String apiKey) {
        return new OdooProperties(url, "finance", "admin", apiKey, OdooProtocol.AUTO, Duration.ofSeconds(2),
                Duration.ofSeconds(2), 0, 1, Duration.ofMillis(10), Duration.ofMillis(10), 100, null, Map.of(),
                List.of(), List.of());
    }
}
