package io.finbatch.jobs.support;

import io.finbatch.odoosandbox.OdooSandbox;
import io.finbatch.odoosandbox.SandboxOptions;
import org.springframework.test.context.DynamicPropertyRegistry;

/** An Odoo sandbox of a test class (chart only, no entries), and the application pointed at it with quick retries. */
public final class TestOdoo {

    private TestOdoo() {
    }

    public static OdooSandbox startSandbox(DynamicPropertyRegistry registry, int maxAttempts) {
        OdooSandbox sandbox = OdooSandbox.start(new SandboxOptions().seed(SandboxOptions.Seed.CHART_ONLY));
        registry.add("finbatch.odoo.url", () -> sandbox.url().toString());
        registry.add("finbatch.odoo.api-key", () -> SandboxOptions.DEFAULT_API_KEY);
        registry.add("finbatch.odoo.max-attempts", () -> String.valueOf(maxAttempts));
        registry.add("finbatch.odoo.initial-backoff", () -> "1ms");
        registry.add("finbatch.odoo.max-backoff", () -> "5ms");
        return sandbox;
    }
}
