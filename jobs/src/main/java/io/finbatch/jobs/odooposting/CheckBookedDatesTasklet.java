package io.finbatch.jobs.odooposting;

import io.finbatch.writers.posting.OdooBatchPoster;
import io.finbatch.writers.posting.OutboxKind;
import io.finbatch.writers.posting.OutboxRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Reads back the dates Odoo booked the records created by the posting on, {@value OdooBatchPoster#KEYS_PER_SEARCH}
 * records per call, one transaction per page: Odoo silently moves a date in a locked period into an open one, and
 * such items are flagged ({@code date_moved}, with a message). It takes every created item whose date is not read
 * yet, so a run that stopped before this step has its items read by the next run.
 */
class CheckBookedDatesTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(CheckBookedDatesTasklet.class);
    private static final String LAST_ID = "lastId";

    private final OutboxRepository outbox;
    private final OdooBatchPoster poster;

    CheckBookedDatesTasklet(OutboxRepository outbox, OdooBatchPoster poster) {
        this.outbox = outbox;
        this.poster = poster;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        OutboxKind kind = PostingKinds.parse(contribution.getStepExecution().getJobParameters().getString("kind"));
        ExecutionContext context = contribution.getStepExecution().getExecutionContext();
        long lastId = context.getLong(LAST_ID, 0L);
        List<OutboxRepository.Created> page = outbox.awaitingBookedDate(kind, lastId, OdooBatchPoster.KEYS_PER_SEARCH);
        if (page.isEmpty()) {
            return RepeatStatus.FINISHED;
        }
        Map<Long, LocalDate> booked = poster.bookedDates(kind,
                page.stream().map(OutboxRepository.Created::odooId).toList());
        int moved = outbox.recordBookedDates(page, booked);
        contribution.incrementReadCount();
        if (moved > 0) {
            log.warn("Odoo booked {} {} item(s) on another date than theirs (a locked period): flagged", moved, kind);
        }
        long missing = page.stream().filter(created -> !booked.containsKey(created.odooId())).count();
        if (missing > 0) {
            log.warn("{} {} record(s) created in Odoo are no longer there: their booked date stays unknown",
                    missing, kind);
        }
        context.putLong(LAST_ID, page.get(page.size() - 1).item().id());
        return page.size() < OdooBatchPoster.KEYS_PER_SEARCH ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
    }
}
