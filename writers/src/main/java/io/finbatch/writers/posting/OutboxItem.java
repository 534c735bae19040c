package io.finbatch.writers.posting;

import java.time.LocalDate;

/** A row of the Odoo outbox: what to post (kind + source row), under which business key. */
public record OutboxItem(long id, String businessKey, OutboxKind kind, long sourceId, LocalDate itemDate,
        String state, int attempts) {
}
