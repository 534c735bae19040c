package io.finbatch.writers.posting;

import java.util.Map;

/**
 * An outbox item ready to send: the Odoo values to create, or the reason it cannot be posted (no journal
 * for its bank account, period locked, unknown account code...). {@code unlessInOdoo}: the refusal holds
 * only if Odoo does not have the item already (an item posted before Odoo's lock date moved past it is
 * there, and is confirmed rather than refused).
 */
public record PreparedPosting(OutboxItem item, Map<String, Object> values, String refusal, boolean unlessInOdoo) {

    public static PreparedPosting ready(OutboxItem item, Map<String, Object> values) {
        return new PreparedPosting(item, values, null, false);
    }

    public static PreparedPosting refused(OutboxItem item, String reason) {
        return new PreparedPosting(item, null, reason, false);
    }

    public static PreparedPosting refusedUnlessInOdoo(OutboxItem item, String reason) {
        return new PreparedPosting(item, null, reason, true);
    }

    public boolean isRefused() {
        return refusal != null;
    }
}
