package io.finbatch.jobs.odooposting;

import io.finbatch.writers.posting.OutboxItem;
import io.finbatch.writers.posting.OutboxKind;
import io.finbatch.writers.posting.OutboxRepository;
import org.springframework.batch.infrastructure.item.ItemReader;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Reads the PENDING items of the outbox in id order, a page at a time. It keeps no position across
 * restarts on purpose: an item leaves PENDING in the same transaction as its chunk, so a restarted step
 * simply finds what is still pending.
 */
class PendingOutboxReader implements ItemReader<OutboxItem> {

    /** The next page of PENDING items after an id. */
    interface Pages {
        List<OutboxItem> after(long lastId, int pageSize);
    }

    private final Pages pages;
    private final int pageSize;
    private final Deque<OutboxItem> page = new ArrayDeque<>();
    private long lastId;
    private boolean exhausted;

    PendingOutboxReader(OutboxRepository outbox, OutboxKind kind, int pageSize) {
        this((lastId, size) -> outbox.inState(kind, "PENDING", lastId, size), pageSize);
    }

    PendingOutboxReader(Pages pages, int pageSize) {
        this.pages = pages;
        this.pageSize = pageSize;
    }

    @Override
    public OutboxItem read() {
        if (page.isEmpty() && !exhausted) {
            var next = pages.after(lastId, pageSize);
            exhausted = next.size() < pageSize;
            page.addAll(next);
        }
        OutboxItem item = page.poll();
        if (item != null) {
            lastId = item.id();
        }
        return item;
    }
}
