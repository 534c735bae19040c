package io.finbatch.jobs.odooposting;

import io.finbatch.writers.odoo.OdooAccessException;
import io.finbatch.writers.posting.OutboxRepository;
import io.finbatch.writers.posting.PostingCounts;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;

/** Launches {@code odooPosting} for a kind, or restarts it, and reports what it did. */
@Service
public class OdooPostingService {

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job odooPostingJob;
    private final Job partitionedPostingJob;
    private final OutboxRepository outbox;
    private final Clock clock;

    public OdooPostingService(JobOperator jobOperator, JobRepository jobRepository, Job odooPostingJob,
            Job partitionedPostingJob, OutboxRepository outbox, Clock clock) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.odooPostingJob = odooPostingJob;
        this.partitionedPostingJob = partitionedPostingJob;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** @param kind {@code statements} or {@code entries} */
    public PostingRunResult post(String kind) {
        return post(odooPostingJob, kind);
    }

    /** The same, one partition per journal (on this node's threads, or on the workers of a manager). */
    public PostingRunResult postPartitioned(String kind) {
        return post(partitionedPostingJob, kind);
    }

    private PostingRunResult post(Job job, String kind) {
        PostingKinds.parse(kind);
        try {
            JobExecution execution = jobOperator.start(job, new JobParametersBuilder()
                    .addString("kind", kind)
                    .addLong("requestedAt", clock.millis())
                    .toJobParameters());
            return summarize(execution);
        } catch (Exception e) {
            throw new IllegalStateException("cannot launch the posting of " + kind + ": " + e.getMessage(), e);
        }
    }

    public PostingRunResult restart(long executionId) {
        JobExecution execution = jobRepository.getJobExecution(executionId);
        if (execution == null) {
            throw new IllegalArgumentException("no job execution " + executionId);
        }
        try {
            return summarize(jobOperator.restart(execution));
        } catch (Exception e) {
            throw new IllegalStateException("cannot restart job execution " + executionId + ": " + e.getMessage(), e);
        }
    }

    private PostingRunResult summarize(JobExecution execution) {
        String kind = execution.getJobParameters().getString("kind");
        List<Long> executionIds = jobRepository.getJobExecutions(execution.getJobInstance()).stream()
                .map(JobExecution::getId).toList();
        PostingCounts counts = outbox.countsFor(PostingKinds.parse(kind), executionIds);
        String message = null;
        if (!execution.getAllFailureExceptions().isEmpty()) {
            Throwable failure = execution.getAllFailureExceptions().get(0);
            while (failure.getCause() != null && failure.getCause() != failure
                    && !(failure instanceof io.finbatch.writers.odoo.OdooException)) {
                failure = failure.getCause();
            }
            message = failure instanceof OdooAccessException
                    ? "Odoo refused access (" + failure.getMessage() + "): check the API key in FINBATCH_ODOO_API_KEY"
                            + " and the user's rights; the job stopped without retrying"
                    : failure.getMessage();
        }
        return new PostingRunResult(kind, execution.getStatus().name(), execution.getId(), counts.posted(),
                counts.alreadyPresent(), counts.skipped(), counts.dateMoved(), message);
    }
}
