package io.finbatch.jobs.odooposting;

import io.finbatch.writers.posting.OdooBatchPoster;
import io.finbatch.writers.posting.OutboxItem;
import io.finbatch.writers.posting.OutboxKind;
import io.finbatch.writers.posting.PostingPreparer;
import org.springframework.batch.infrastructure.item.ItemReader;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the PENDING items of the outbox in id order, a page at a time, and hands each page to a listener
 * before its first item is read (the posting searches Odoo for the page's business keys there, in one call
 * rather than one per chunk). It keeps no position across restarts on purpose: an item leaves PENDING in the
 * same transaction as its chunk, so a restarted step simply finds what is still pending.
 */
class PendingOutboxReader implements ItemReader<OutboxItem> {

    /** Items read per page: a page's business keys are searched in Odoo in one call. */
    static final int MIN_PAGE = 1000;

    /** The next page of PENDING items after an id. */
    interface Pages {
        List<OutboxItem> after(long lastId, int pageSize);
    }

    private final Pages pages;
    private final int pageSize;
    private final Consumer<List<OutboxItem>> onPage;
    private final Deque<OutboxItem> page = new ArrayDeque<>();
    private long lastId;
    private boolean exhausted;

    /**
     * Pages of at least {@value #MIN_PAGE} items, each looked up in Odoo ahead by the poster, their staged rows
     * loaded ahead by the preparer.
     */
    PendingOutboxReader(Pages pages, int batchSize, OutboxKind kind, OdooBatchPoster poster,
            PostingPreparer preparer) {
        this(pages, pageSize(batchSize), items -> {
            preparer.prefetch(items);
            poster.lookAhead(kind, items);
        });
    }

    PendingOutboxReader(Pages pages, int pageSize, Consumer<List<OutboxItem>> onPage) {
        this.pages = pages;
        this.pageSize = pageSize;
        this.onPage = onPage;
    }

    /** A whole number of chunks, and at least {@value #MIN_PAGE} items. */
    static int pageSize(int batchSize) {
        return batchSize >= MIN_PAGE ? batchSize : batchSize * ((MIN_PAGE + batchSize - 1) / batchSize);
    }

    @Override
    public OutboxItem read() {
        if (page.isEmpty() && !exhausted) {
            var next = pages.after(lastId, pageSize);
            exhausted = next.size() < pageSize;
            if (!next.isEmpty()) {
                onPage.accept(next);
            }
            page.addAll(next);
        }
        OutboxItem item = page.poll();
        if (item != null) {
            lastId = item.id();
        }
        return item;
    }
}
