package io.finbatch.jobs.observability;

import io.finbatch.jobs.config.FinBatchProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Health component {@code inbox}: the statement inbox ({@code finbatch.inbox}) exists, is a folder and is
 * writable. It is not created here: a missing inbox is DOWN (a mount that went away must show).
 */
@Component("inboxHealthIndicator")
public class InboxHealthIndicator implements HealthIndicator {

    private final FinBatchProperties properties;

    public InboxHealthIndicator(FinBatchProperties properties) {
        this.properties = properties;
    }

    @Override
    public Health health() {
        Path inbox = properties.inbox();
        if (inbox == null) {
            return Health.down().withDetail("error", "finbatch.inbox is not set").build();
        }
        Path path = inbox.toAbsolutePath().normalize();
        Health.Builder health;
        if (!Files.exists(path)) {
            health = Health.down().withDetail("error", "does not exist");
        } else if (!Files.isDirectory(path)) {
            health = Health.down().withDetail("error", "not a folder");
        } else if (!Files.isWritable(path)) {
            health = Health.down().withDetail("error", "not writable");
        } else {
            health = Health.up();
        }
        return health.withDetail("path", path.toString()).build();
    }
}
