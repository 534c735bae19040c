package io.finbatch.jobs.observability;

import io.finbatch.odoosandbox.OdooSandbox;
import io.finbatch.odoosandbox.SandboxOptions;
import io.finbatch.writers.odoo.OdooBusinessException;
import io.finbatch.writers.odoo.OdooClient;
import io.finbatch.writers.odoo.OdooClients;
import io.finbatch.writers.odoo.OdooProtocol;
import io.finbatch.writers.odoo.OdooSettings;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Odoo calls against the sandbox are timed by method, model and outcome (errors by their kind). */
class MeteredOdooClientTests {

    @Test
    void callsAreTimedByMethodModelAndOutcome() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SandboxOptions options = new SandboxOptions();
        try (OdooSandbox sandbox = OdooSandbox.start(options);
                OdooClient client = new MeteredOdooClient(OdooClients.create(new OdooSettings(sandbox.url(),
                        "finance", "admin", SandboxOptions.DEFAULT_API_KEY, OdooProtocol.JSON_2, Duration.ofSeconds(5),
                        Duration.ofSeconds(5), 0, 1, Duration.ofMillis(10), Duration.ofMillis(10))), registry)) {
            client.searchCount("res.partner", List.of());
            client.searchCount("res.partner", List.of());
            // an unbalanced entry is refused by Odoo: a business error
            assertThatThrownBy(() -> client.create("account.move", List.of(Map.of("move_type", "entry",
                    "line_ids", List.of(List.of(0, 0, Map.of("account_id", 1L, "debit", 10, "credit", 0)))))))
                    .isInstanceOf(OdooBusinessException.class);
        }

        Timer ok = registry.find(MeteredOdooClient.METER).tags("method", "search_count", "model", "res.partner",
                "outcome", "ok").timer();
        assertThat(ok).isNotNull();
        assertThat(ok.count()).isEqualTo(2);
        assertThat(ok.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
        Timer refused = registry.find(MeteredOdooClient.METER).tags("method", "create", "model", "account.move",
                "outcome", "business").timer();
        assertThat(refused).isNotNull();
        assertThat(refused.count()).isEqualTo(1);
    }
}
