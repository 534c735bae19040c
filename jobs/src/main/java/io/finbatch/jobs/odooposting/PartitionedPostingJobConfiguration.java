package io.finbatch.jobs.odooposting;

import io.finbatch.jobs.config.OdooProperties;
import io.finbatch.jobs.events.EventOutbox;
import io.finbatch.jobs.scaleout.PartitionHandlers;
import io.finbatch.jobs.scaleout.ScaleOutProperties;
import io.finbatch.writers.journal.JournalEntryStore;
import io.finbatch.writers.periods.FiscalPeriodRepository;
import io.finbatch.writers.posting.OdooDirectory;
import io.finbatch.writers.posting.OutboxItem;
import io.finbatch.writers.posting.OutboxKind;
import io.finbatch.writers.posting.OutboxRepository;
import io.finbatch.writers.posting.PostingPreparer;
import io.finbatch.writers.posting.PreparedPosting;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code partitionedPosting(kind)}: the posting to Odoo with one partition per journal — on this node's threads,
 * or on worker nodes ({@code finbatch.mode=manager}). Same steps as {@code odooPosting} before the posting
 * (enqueue, reconcile what a crash left SENT), then {@value #WORKER_STEP} per journal: a journal's items stay in
 * one partition and in order; idempotence is the outbox's, whatever the number of nodes. Then, as in
 * {@code odooPosting}, the dates Odoo booked are read back.
 */
@Configuration(proxyBeanMethods = false)
public class PartitionedPostingJobConfiguration {

    public static final String JOB_NAME = "partitionedPosting";
    public static final String WORKER_STEP = "postJournal";

    @Bean
    Job partitionedPostingJob(JobRepository jobRepository, Step enqueueOdooPostings, Step reconcileSentPostings,
            Step postJournals, Step checkBookedDates) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(enqueueOdooPostings)
                .next(reconcileSentPostings)
                .next(postJournals)
                .next(checkBookedDates)
                .build();
    }

    @Bean
    Step postJournals(JobRepository jobRepository, Partitioner journalPartitioner, PartitionHandler journalPartitions) {
        return new StepBuilder("postJournals", jobRepository)
                .partitioner(WORKER_STEP, journalPartitioner)
                .partitionHandler(journalPartitions)
                .build();
    }

    @Bean
    @StepScope
    Partitioner journalPartitioner(OutboxRepository outbox, @Value("#{jobParameters['kind']}") String kind) {
        return new JournalPartitioner(outbox, PostingKinds.parse(kind));
    }

    @Bean
    PartitionHandler journalPartitions(Step postJournal, ScaleOutProperties properties, JobRepository jobRepository,
            ObjectProvider<MessagingTemplate> partitionRequests) throws Exception {
        return PartitionHandlers.of(postJournal, properties, jobRepository, partitionRequests);
    }

    @Bean(WORKER_STEP)
    Step postJournal(JobRepository jobRepository, PlatformTransactionManager tx, OdooProperties odoo,
            PendingOutboxReader journalOutboxReader, ItemProcessor<OutboxItem, PreparedPosting> journalPostingPreparer,
            OdooPostingWriter journalPostingWriter) {
        return new StepBuilder(WORKER_STEP, jobRepository)
                .<OutboxItem, PreparedPosting>chunk(odoo.batchSize())
                .transactionManager(tx)
                .reader(journalOutboxReader)
                .processor(journalPostingPreparer)
                .writer(journalPostingWriter)
                .build();
    }

    @Bean
    @StepScope
    JournalPosting journalPosting(OdooConnection connection, OdooProperties odoo, JdbcTemplate jdbc,
            JournalEntryStore entries, FiscalPeriodRepository periods) {
        OdooDirectory directory = new OdooDirectory(connection.client(), odoo.journals());
        return JournalPosting.of(directory, new PostingPreparer(jdbc, entries, directory, periods));
    }

    @Bean
    @StepScope
    PendingOutboxReader journalOutboxReader(OutboxRepository outbox, OdooProperties odoo, JournalPosting journalPosting,
            @Value("#{jobParameters['kind']}") String kind,
            @Value("#{stepExecutionContext['" + JournalPartitioner.JOURNAL + "']}") String journal) {
        OutboxKind outboxKind = PostingKinds.parse(kind);
        return new PendingOutboxReader((lastId, size) -> outbox.pendingOfJournal(outboxKind, journal, lastId, size),
                odoo.batchSize(), outboxKind, journalPosting.poster(), journalPosting.preparer());
    }

    @Bean
    @StepScope
    ItemProcessor<OutboxItem, PreparedPosting> journalPostingPreparer(JournalPosting journalPosting) {
        return journalPosting.preparer()::prepare;
    }

    @Bean
    @StepScope
    OdooPostingWriter journalPostingWriter(OutboxRepository outbox, JournalPosting journalPosting,
            PlatformTransactionManager tx, @Value("#{jobParameters['kind']}") String kind,
            @Value("#{stepExecution.jobExecution.id}") Long executionId, EventOutbox events) {
        return new OdooPostingWriter(outbox, journalPosting.poster(), PostingKinds.parse(kind), executionId, tx,
                events);
    }
}
