package io.finbatch.jobs.extract;

import io.finbatch.writers.extract.ExtractArchive;
import io.finbatch.writers.extract.ExtractDefinitions;
import io.finbatch.writers.extract.ExtractFileRecord;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Launches the {@code extract} job and reports what it wrote. */
@Service
public class ExtractService {

    private static final AtomicLong LAUNCHES = new AtomicLong();

    private final JobOperator jobOperator;
    private final Job extractJob;
    private final ExtractArchive archive;
    private final ExtractDefinitions definitions;
    private final Clock clock;

    public ExtractService(JobOperator jobOperator, @Qualifier("extractJob") Job extractJob, ExtractArchive archive,
            ExtractDefinitions definitions, Clock clock) {
        this.jobOperator = jobOperator;
        this.extractJob = extractJob;
        this.archive = archive;
        this.definitions = definitions;
        this.clock = clock;
    }

    /**
     * What one run wrote: one record per file (same version, row count and control totals for all), or none
     * and the reason when it failed.
     */
    public record ExtractResult(String name, String period, String status, long executionId, List<ExtractFileRecord> files,
            String message) {

        public boolean completed() {
            return "COMPLETED".equals(status);
        }

        public int version() {
            return files.isEmpty() ? 0 : files.get(0).version();
        }

        public long rows() {
            return files.isEmpty() ? 0 : files.get(0).rowCount();
        }

        public String controlTotals() {
            return files.isEmpty() ? null : files.get(0).controlTotals();
        }

        public Instant asOf() {
            return files.isEmpty() ? null : files.get(0).asOf();
        }

        public ExtractFileRecord file(String format) {
            return files.stream().filter(f -> f.format().equals(format)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(name + " wrote no " + format + " file"));
        }
    }

    /** The extract of a period as of the GROUP period's cut-off. */
    public ExtractResult extract(String name, YearMonth period) {
        return extract(name, period, null);
    }

    /** The extract of a period as of {@code asOf} (null: the GROUP period's cut-off). */
    public ExtractResult extract(String name, YearMonth period, Instant asOf) {
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addString("name", name)
                .addString("period", period.toString())
                .addLong("requestedAt", clock.millis())
                .addLong("launch", LAUNCHES.incrementAndGet());
        if (asOf != null) {
            parameters.addString("asOf", asOf.toString());
        }
        JobExecution execution;
        try {
            execution = jobOperator.start(extractJob, parameters.toJobParameters());
        } catch (Exception e) {
            throw new IllegalStateException("cannot launch " + extractJob.getName() + ": " + e.getMessage(), e);
        }
        List<ExtractFileRecord> files = execution.getStatus() == BatchStatus.COMPLETED
                ? archive.byJobExecution(execution.getId()) : List.of();
        return new ExtractResult(name, period.toString(), execution.getStatus().name(), execution.getId(), files,
                message(execution));
    }

    /** The extracts that can be run: the definitions found. */
    public List<String> names() {
        return definitions.names();
    }

    private static String message(JobExecution execution) {
        if (execution.getAllFailureExceptions().isEmpty()) {
            return null;
        }
        Throwable failure = execution.getAllFailureExceptions().get(0);
        while (failure.getCause() != null && failure.getCause() != failure
                && !(failure instanceof IllegalStateException || failure instanceof IllegalArgumentException)) {
            failure = failure.getCause();
        }
        return failure.getMessage();
    }
}
