package io.finbatch.jobs.observability;

import io.finbatch.jobs.config.OdooProperties;
import io.finbatch.jobs.odooposting.OdooConnection;
import io.finbatch.writers.odoo.OdooServerInfo;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code odoo}: whether the configured Odoo answers ({@code version} and {@code protocol} of
 * the server). With the default {@code finbatch.odoo.url=sandbox} nothing is contacted and the embedded sandbox
 * is <em>not</em> started for a health check: UP with {@code target=sandbox}. A real Odoo that does not answer,
 * or an incomplete configuration (no API key), is DOWN with the reason.
 */
@Component("odooHealthIndicator")
public class OdooHealthIndicator implements HealthIndicator {

    private final OdooProperties properties;
    private final OdooConnection connection;

    public OdooHealthIndicator(OdooProperties properties, OdooConnection connection) {
        this.properties = properties;
        this.connection = connection;
    }

    @Override
    public Health health() {
        if (properties.usesSandbox()) {
            return Health.up().withDetail("target", OdooProperties.SANDBOX)
                    .withDetail("note", "the embedded Odoo sandbox; not checked, not a real Odoo").build();
        }
        try {
            OdooServerInfo info = connection.client().serverInfo();
            return Health.up().withDetail("url", properties.url()).withDetail("database", properties.database())
                    .withDetail("version", String.valueOf(info.serverVersion()))
                    .withDetail("protocol", String.valueOf(connection.client().protocol())).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("url", properties.url()).withDetail("database", properties.database())
                    .withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }
}
