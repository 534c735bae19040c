package io.finbatch.jobs.odooposting;

import io.finbatch.writers.posting.OutboxKind;
import io.finbatch.writers.posting.OutboxRepository;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.util.LinkedHashMap;
import java.util.Map;

/** One partition per journal with items waiting to be posted ({@link OutboxRepository#pendingJournals}). */
final class JournalPartitioner implements Partitioner {

    static final String JOURNAL = "journal";

    private final OutboxRepository outbox;
    private final OutboxKind kind;

    JournalPartitioner(OutboxRepository outbox, OutboxKind kind) {
        this.outbox = outbox;
        this.kind = kind;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        int n = 0;
        for (String journal : outbox.pendingJournals(kind)) {
            ExecutionContext context = new ExecutionContext();
            context.putString(JOURNAL, journal);
            partitions.put("journal" + n++, context);
        }
        return partitions;
    }
}
