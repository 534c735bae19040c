package io.finbatch.jobs.odooposting;

import io.finbatch.jobs.events.EventOutbox;
import io.finbatch.jobs.events.EventText;
import io.finbatch.jobs.events.EventTypes;
import io.finbatch.writers.posting.OdooBatchPoster;
import io.finbatch.writers.posting.OutboxItem;
import io.finbatch.writers.posting.OutboxKind;
import io.finbatch.writers.posting.OutboxRepository;
import io.finbatch.writers.posting.PostingPreparer;
import io.finbatch.writers.posting.PostingResult;
import io.finbatch.writers.posting.PreparedPosting;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends a chunk to Odoo as one batch. The items are marked SENT in a transaction of their own, committed
 * before Odoo is called, so a crash between Odoo's commit and ours leaves a trace that the next run
 * reconciles by searching Odoo; what Odoo answered is recorded in the chunk's transaction, with a
 * {@code posting.rejected} event for each item Odoo refused. The dates Odoo booked the created records on are
 * read back after the chunks ({@link CheckBookedDatesTasklet}).
 */
class OdooPostingWriter implements ItemWriter<PreparedPosting> {

    private final OutboxRepository outbox;
    private final OdooBatchPoster poster;
    private final OutboxKind kind;
    private final long executionId;
    private final TransactionTemplate separateTransaction;
    private final EventOutbox events;

    OdooPostingWriter(OutboxRepository outbox, OdooBatchPoster poster, OutboxKind kind, long executionId,
            PlatformTransactionManager transactions, EventOutbox events) {
        this.events = events;
        this.outbox = outbox;
        this.poster = poster;
        this.kind = kind;
        this.executionId = executionId;
        this.separateTransaction = new TransactionTemplate(transactions);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void write(Chunk<? extends PreparedPosting> chunk) {
        List<PreparedPosting> batch = List.copyOf(chunk.getItems());
        List<OutboxItem> toSend = batch.stream().filter(p -> !p.isRefused() || p.unlessInOdoo())
                .map(PreparedPosting::item).toList();
        separateTransaction.executeWithoutResult(status -> outbox.markSent(toSend, executionId));
        List<PostingResult> results = poster.post(kind, batch);
        outbox.markConfirmed(results.stream().filter(PostingResult.Confirmed.class::isInstance)
                .map(PostingResult.Confirmed.class::cast).toList(), PostingPreparer.model(kind), executionId);
        for (PostingResult result : results) {
            if (result instanceof PostingResult.Skipped skipped) {
                outbox.markSkipped(skipped.item(), skipped.reason(), executionId);
                events.publish(EventTypes.POSTING_REJECTED, rejected(skipped.item(), skipped.reason()));
            }
        }
    }

    private Map<String, Object> rejected(OutboxItem item, String reason) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("outboxItemId", item.id());
        facts.put("businessKey", item.businessKey());
        facts.put("kind", item.kind().name());
        facts.put("itemDate", item.itemDate() == null ? null : item.itemDate().toString());
        facts.put("reason", EventText.masked(reason, 2000));
        facts.put("executionId", executionId);
        return facts;
    }
}
