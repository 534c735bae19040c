package io.finbatch.jobs.odooposting;

import io.finbatch.jobs.config.OdooProperties;
import io.finbatch.jobs.events.EventOutbox;
import io.finbatch.writers.journal.JournalEntryStore;
import io.finbatch.writers.periods.FiscalPeriodRepository;
import io.finbatch.writers.posting.OdooBatchPoster;
import io.finbatch.writers.posting.OdooDirectory;
import io.finbatch.writers.posting.OutboxItem;
import io.finbatch.writers.posting.OutboxKind;
import io.finbatch.writers.posting.OutboxRepository;
import io.finbatch.writers.posting.PostingPreparer;
import io.finbatch.writers.posting.PreparedPosting;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;

/**
 * Job {@code odooPosting(kind)}: queue what is new in the outbox → settle items a crashed run left SENT →
 * send the pending ones to Odoo in batches (one chunk = one batch) → read back the dates Odoo booked the
 * created records on. Idempotent end to end: the business keys of every pending item are searched in Odoo
 * before anything is created (a page of {@value PendingOutboxReader#MIN_PAGE} or more at a time, just before
 * its chunks).
 */
@Configuration(proxyBeanMethods = false)
public class OdooPostingJobConfiguration {

    public static final String JOB_NAME = "odooPosting";

    @Bean
    OutboxRepository outboxRepository(JdbcTemplate jdbc, Clock clock) {
        return new OutboxRepository(jdbc, clock);
    }

    @Bean
    JournalEntryStore journalEntryStore(JdbcTemplate jdbc, Clock clock) {
        return new JournalEntryStore(jdbc, clock);
    }

    @Bean
    Job odooPostingJob(JobRepository jobRepository, Step enqueueOdooPostings, Step reconcileSentPostings,
            Step postToOdoo, Step checkBookedDates) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(enqueueOdooPostings)
                .next(reconcileSentPostings)
                .next(postToOdoo)
                .next(checkBookedDates)
                .build();
    }

    @Bean
    Step enqueueOdooPostings(JobRepository jobRepository, PlatformTransactionManager tx, OutboxRepository outbox) {
        return new StepBuilder("enqueueOdooPostings", jobRepository)
                .tasklet(new EnqueuePostingsTasklet(outbox), tx)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    Step reconcileSentPostings(JobRepository jobRepository, PlatformTransactionManager tx, OutboxRepository outbox,
            OdooBatchPoster odooBatchPoster, OdooDirectory odooDirectory) {
        return new StepBuilder("reconcileSentPostings", jobRepository)
                .tasklet(new ReconcileSentTasklet(outbox, odooBatchPoster, odooDirectory), tx)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    Step checkBookedDates(JobRepository jobRepository, PlatformTransactionManager tx, OutboxRepository outbox,
            OdooBatchPoster odooBatchPoster) {
        return new StepBuilder("checkBookedDates", jobRepository)
                .tasklet(new CheckBookedDatesTasklet(outbox, odooBatchPoster), tx)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    Step postToOdoo(JobRepository jobRepository, PlatformTransactionManager tx, OdooProperties odoo,
            PendingOutboxReader pendingOutboxReader, PostingPreparer postingPreparer,
            OdooPostingWriter odooPostingWriter) {
        return new StepBuilder("postToOdoo", jobRepository)
                .<OutboxItem, PreparedPosting>chunk(odoo.batchSize())
                .transactionManager(tx)
                .reader(pendingOutboxReader)
                .processor(postingPreparer::prepare)
                .writer(odooPostingWriter)
                .build();
    }

    @Bean
    @JobScope
    OdooDirectory odooDirectory(OdooConnection connection, OdooProperties odoo) {
        return new OdooDirectory(connection.client(), odoo.journals());
    }

    @Bean
    @JobScope
    OdooBatchPoster odooBatchPoster(OdooDirectory odooDirectory) {
        return new OdooBatchPoster(odooDirectory);
    }

    @Bean
    @JobScope
    PostingPreparer postingPreparer(JdbcTemplate jdbc, JournalEntryStore entries, OdooDirectory odooDirectory,
            FiscalPeriodRepository periods) {
        return new PostingPreparer(jdbc, entries, odooDirectory, periods);
    }

    @Bean
    @StepScope
    PendingOutboxReader pendingOutboxReader(OutboxRepository outbox, OdooProperties odoo,
            OdooBatchPoster odooBatchPoster, PostingPreparer postingPreparer,
            @Value("#{jobParameters['kind']}") String kind) {
        OutboxKind outboxKind = PostingKinds.parse(kind);
        return new PendingOutboxReader((lastId, size) -> outbox.inState(outboxKind, "PENDING", lastId, size),
                odoo.batchSize(), outboxKind, odooBatchPoster, postingPreparer);
    }

    @Bean
    @StepScope
    OdooPostingWriter odooPostingWriter(OutboxRepository outbox, OdooBatchPoster odooBatchPoster,
            PlatformTransactionManager tx, @Value("#{jobParameters['kind']}") String kind,
            @Value("#{stepExecution.jobExecution.id}") Long executionId, EventOutbox events) {
        return new OdooPostingWriter(outbox, odooBatchPoster, PostingKinds.parse(kind), executionId, tx, events);
    }
}
