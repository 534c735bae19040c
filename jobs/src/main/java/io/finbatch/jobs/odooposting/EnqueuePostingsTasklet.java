package io.finbatch.jobs.odooposting;

import io.finbatch.writers.posting.OutboxKind;
import io.finbatch.writers.posting.OutboxRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Queues in the outbox what is staged and not queued yet (statement lines, or journal entries). */
class EnqueuePostingsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(EnqueuePostingsTasklet.class);

    private final OutboxRepository outbox;

    EnqueuePostingsTasklet(OutboxRepository outbox) {
        this.outbox = outbox;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        OutboxKind kind = PostingKinds.parse(contribution.getStepExecution().getJobParameters().getString("kind"));
        int queued = kind == OutboxKind.STATEMENT_LINE ? outbox.enqueueStatementLines() : outbox.enqueueJournalEntries();
        contribution.incrementWriteCount(queued);
        log.info("queued {} new {} item(s) for Odoo", queued, kind);
        return RepeatStatus.FINISHED;
    }
}
