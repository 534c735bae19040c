package io.finbatch.jobs.scaleout;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

import java.nio.file.Path;
import java.time.Clock;

/** Launches {@code partitionedImport} for an inbox and says how its partitions ended. */
@Service
public class PartitionedImportService {

    /** How a partitioned import ended: its status, and its partitions (files) by outcome. */
    public record Result(long executionId, String status, long files, long completed, long failed, long lines,
            String message) {
    }

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job job;
    private final Clock clock;

    public PartitionedImportService(JobOperator jobOperator, JobRepository jobRepository,
            @Qualifier("partitionedImportJob") Job partitionedImportJob, Clock clock) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.job = partitionedImportJob;
        this.clock = clock;
    }

    public Result importInbox(Path inbox) {
        try {
            JobExecution execution = jobOperator.start(job, new JobParametersBuilder()
                    .addString("inbox", inbox.toAbsolutePath().normalize().toString())
                    .addLong("requestedAt", clock.millis()).toJobParameters());
            // the partitions ran elsewhere (or on other threads): their outcome is in the repository
            return summarize(execution, jobRepository.getJobExecution(execution.getId()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot launch the partitioned import of " + inbox + ": "
                    + e.getMessage(), e);
        }
    }

    static Result summarize(JobExecution launched, JobExecution execution) {
        long files = 0;
        long completed = 0;
        long failed = 0;
        long lines = 0;
        for (var step : execution.getStepExecutions()) {
            if (!step.getStepName().startsWith(PartitionedImportJobConfiguration.WORKER_STEP + ":")) {
                continue;
            }
            files++;
            lines += step.getWriteCount();
            switch (step.getStatus()) {
                case COMPLETED -> completed++;
                default -> failed++;
            }
        }
        String message = launched.getAllFailureExceptions().stream().findFirst().map(Throwable::getMessage)
                .orElse(null);
        return new Result(execution.getId(), execution.getStatus().name(), files, completed, failed, lines, message);
    }
}
