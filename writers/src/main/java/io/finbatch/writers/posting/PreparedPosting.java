package io.finbatch.writers.posting;

import java.util.Map;

/**
 * An outbox item ready to send: the Odoo values to create, or the reason it cannot be posted
 * (no journal for its bank account, period locked in Odoo, unknown account code...).
 */
public record PreparedPosting(OutboxItem item, Map<String, Object> values, String refusal) {

    public static PreparedPosting ready(OutboxItem item, Map<String, Object> values) {
        return new PreparedPosting(item, values, null);
    }

    public static PreparedPosting refused(OutboxItem item, String reason) {
        return new PreparedPosting(item, null, reason);
    }

    public boolean isRefused() {
        return refusal != null;
    }
}
