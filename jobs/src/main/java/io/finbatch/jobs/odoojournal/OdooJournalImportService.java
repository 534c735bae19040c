package io.finbatch.jobs.odoojournal;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

import java.time.Clock;

/** Launches {@code odooJournalImport} for an entity and reports what it did. */
@Service
public class OdooJournalImportService {

    private final JobOperator jobOperator;
    private final Job job;
    private final OdooLedgerProperties properties;
    private final Clock clock;

    public OdooJournalImportService(JobOperator jobOperator, @Qualifier("odooJournalImportJob") Job job,
            OdooLedgerProperties properties, Clock clock) {
        this.jobOperator = jobOperator;
        this.job = job;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param read             journal items read from Odoo
     * @param imported         stored as new journal lines
     * @param unchanged        seen again with a new write_date but the same accounting content
     * @param periodLocked     queued: dated in a LOCKED period of the entity
     * @param changedAfterImport queued: changed in Odoo after they were imported
     */
    public record Result(String entity, String status, long executionId, long read, long imported, long unchanged,
            long periodLocked, long changedAfterImport, String message) {
    }

    public Result importJournal(String entity) {
        properties.companyOf(entity); // fails before launching when the entity has no Odoo company
        JobExecution execution;
        try {
            execution = jobOperator.start(job, new JobParametersBuilder()
                    .addString("entity", entity)
                    .addLong("requestedAt", clock.millis())
                    .toJobParameters());
        } catch (Exception e) {
            throw new IllegalStateException("cannot launch " + job.getName() + ": " + e.getMessage(), e);
        }
        StepExecution step = execution.getStepExecutions().stream()
                .filter(s -> s.getStepName().equals(OdooJournalImportJobConfiguration.STEP_NAME)).findFirst()
                .orElse(null);
        var counts = step == null ? null : step.getExecutionContext();
        return new Result(entity, execution.getStatus().name(), execution.getId(),
                step == null ? 0 : step.getReadCount(),
                counts == null ? 0 : counts.getLong(OdooJournalImportTasklet.IMPORTED, 0L),
                counts == null ? 0 : counts.getLong(OdooJournalImportTasklet.UNCHANGED, 0L),
                counts == null ? 0 : counts.getLong(OdooJournalImportTasklet.LOCKED, 0L),
                counts == null ? 0 : counts.getLong(OdooJournalImportTasklet.CHANGED, 0L),
                message(execution));
    }

    private static String message(JobExecution execution) {
        if (!execution.getAllFailureExceptions().isEmpty()) {
            Throwable failure = execution.getAllFailureExceptions().get(0);
            while (failure.getCause() != null && failure.getCause() != failure) {
                failure = failure.getCause();
            }
            return failure.getMessage();
        }
        return null;
    }
}
