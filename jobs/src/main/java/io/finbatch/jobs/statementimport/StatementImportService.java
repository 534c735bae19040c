package io.finbatch.jobs.statementimport;

import io.finbatch.jobs.config.FinBatchProperties;
import io.finbatch.jobs.execution.TransientFailures;
import io.finbatch.writers.staging.StatementFileRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Launches {@code statementImport} for a file and reports what it did. A run that failed on a transient
 * database fault is restarted from its last committed chunk, with a doubling wait, a few times.
 */
@Service
public class StatementImportService {

    private static final Logger log = LoggerFactory.getLogger(StatementImportService.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job statementImportJob;
    private final StatementFileRegistry registry;
    private final FinBatchProperties properties;
    private final Clock clock;

    public StatementImportService(JobOperator jobOperator, JobRepository jobRepository, Job statementImportJob,
            StatementFileRegistry registry, FinBatchProperties properties, Clock clock) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.statementImportJob = statementImportJob;
        this.registry = registry;
        this.properties = properties;
        this.clock = clock;
    }

    public ImportResult importFile(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        String sha256 = FileDigest.sha256(absolute);
        JobParameters parameters = new JobParametersBuilder()
                .addString(ImportContextKeys.FILE, absolute.toString())
                .addString(ImportContextKeys.SHA256, sha256)
                .addLong(ImportContextKeys.REQUESTED_AT, clock.millis())
                // each launch its own job instance: two launches in one millisecond meet at the file's claim,
                // which answers clearly, not at Spring Batch's instance key
                .addString(ImportContextKeys.LAUNCH, UUID.randomUUID().toString())
                .toJobParameters();
        try {
            JobExecution execution = jobOperator.start(statementImportJob, parameters);
            return summarize(restartWhileTransient(execution));
        } catch (Exception e) {
            throw new IllegalStateException("cannot launch the import of " + absolute + ": " + e.getMessage(), e);
        }
    }

    /**
     * Restarts a failed or stopped import from its last committed chunk. {@code recover} first marks an
     * execution left STARTED by a process that died as FAILED, so that it can be restarted.
     */
    public ImportResult restart(long executionId, boolean recover) {
        JobExecution execution = jobRepository.getJobExecution(executionId);
        if (execution == null) {
            throw new IllegalArgumentException("no job execution " + executionId);
        }
        if (execution.isRunning()) {
            if (!recover) {
                throw new IllegalStateException("job execution " + executionId + " is marked " + execution.getStatus()
                        + "; if the process that ran it is gone, restart it with --recover");
            }
            execution = jobOperator.recover(execution);
        }
        try {
            return summarize(restartWhileTransient(jobOperator.restart(execution)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot restart job execution " + executionId + ": " + e.getMessage(), e);
        }
    }

    private JobExecution restartWhileTransient(JobExecution execution) throws Exception {
        Duration wait = properties.importSettings().transientBackoff();
        for (int attempt = 1; attempt <= properties.importSettings().transientRetries()
                && execution.getStatus() == BatchStatus.FAILED
                && TransientFailures.isTransient(execution.getAllFailureExceptions()); attempt++) {
            log.warn("job execution {} failed on a transient fault ({}); restarting in {} (attempt {})",
                    execution.getId(), execution.getAllFailureExceptions().get(0).getMessage(), wait, attempt);
            Thread.sleep(wait.toMillis());
            execution = jobOperator.restart(execution);
            wait = wait.multipliedBy(2);
        }
        return execution;
    }

    private ImportResult summarize(JobExecution execution) {
        String file = execution.getJobParameters().getString(ImportContextKeys.FILE);
        String sha256 = execution.getJobParameters().getString(ImportContextKeys.SHA256);
        Optional<StatementFileRegistry.FileRow> row = registry.find(sha256);
        String exitCode = execution.getExitStatus().getExitCode();
        String format = row.map(StatementFileRegistry.FileRow::format).orElse(null);
        if (ImportContextKeys.ALREADY_IMPORTED.equals(exitCode)) {
            return new ImportResult(file, format, 0, 0, 0, 0, ImportContextKeys.ALREADY_IMPORTED, execution.getId(),
                    "already imported (statement file " + row.map(r -> String.valueOf(r.id())).orElse("?")
                            + ", job execution " + row.map(r -> String.valueOf(r.jobExecutionId())).orElse("?") + ")");
        }
        if (ImportContextKeys.REJECTED.equals(exitCode)) {
            return new ImportResult(file, format, 0, 0, 0, 0, ImportContextKeys.REJECTED, execution.getId(),
                    row.map(StatementFileRegistry.FileRow::rejectionReason).orElse(execution.getExitStatus()
                            .getExitDescription()));
        }
        if (execution.getStatus() == BatchStatus.COMPLETED && row.isPresent()) {
            StatementFileRegistry.FileRow r = row.get();
            return new ImportResult(file, format, nz(r.statements()), nz(r.linesImported()), nz(r.linesDuplicate()),
                    nz(r.linesSkipped()), "IMPORTED", execution.getId(), null);
        }
        String message = execution.getAllFailureExceptions().isEmpty()
                ? execution.getExitStatus().getExitDescription()
                : rootMessage(execution.getAllFailureExceptions().get(0));
        return new ImportResult(file, format, 0, 0, 0, 0, execution.getStatus().name(), execution.getId(), message);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? String.valueOf(failure.getMessage()) : failure.getMessage() + " (" + root + ")";
    }

    private static int nz(Integer value) {
        return value == null ? 0 : value;
    }

    private static long nz(Long value) {
        return value == null ? 0 : value;
    }
}
