package io.finbatch.jobs.odooposting;

import io.finbatch.writers.posting.OdooBatchPoster;
import io.finbatch.writers.posting.OdooDirectory;
import io.finbatch.writers.posting.OutboxItem;
import io.finbatch.writers.posting.OutboxKind;
import io.finbatch.writers.posting.OutboxRepository;
import io.finbatch.writers.posting.PostingPreparer;
import io.finbatch.writers.posting.PostingResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks that Odoo accepts the credentials (a revoked key stops the run even when nothing is pending),
 * then settles the items a previous run left SENT (it stopped between handing them to Odoo and recording
 * the answer): those Odoo has are confirmed, the others go back to PENDING. Nothing is sent before this.
 */
class ReconcileSentTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ReconcileSentTasklet.class);
    private static final int PAGE = 200;

    private final OutboxRepository outbox;
    private final OdooBatchPoster poster;
    private final OdooDirectory directory;

    ReconcileSentTasklet(OutboxRepository outbox, OdooBatchPoster poster, OdooDirectory directory) {
        this.outbox = outbox;
        this.poster = poster;
        this.directory = directory;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        OutboxKind kind = PostingKinds.parse(contribution.getStepExecution().getJobParameters().getString("kind"));
        long executionId = contribution.getStepExecution().getJobExecutionId();
        // a real call at every run (the directory is new per job): credentials and the lock date at once
        directory.lockDate();
        long lastId = 0;
        int confirmed = 0;
        int resent = 0;
        List<OutboxItem> sent;
        while (!(sent = outbox.inState(kind, "SENT", lastId, PAGE)).isEmpty()) {
            lastId = sent.get(sent.size() - 1).id();
            Set<Long> found = new HashSet<>();
            for (PostingResult.Confirmed hit : poster.reconcile(kind, sent)) {
                outbox.markConfirmed(hit.item(), PostingPreparer.model(kind), hit.odooId(), hit.odooDate(), true,
                        executionId);
                found.add(hit.item().id());
                confirmed++;
            }
            List<OutboxItem> notInOdoo = sent.stream().filter(item -> !found.contains(item.id())).toList();
            outbox.markPending(notInOdoo);
            resent += notInOdoo.size();
        }
        if (confirmed + resent > 0) {
            log.warn("reconciled items left SENT by an interrupted run: {} found in Odoo, {} to send again",
                    confirmed, resent);
        }
        return RepeatStatus.FINISHED;
    }
}
