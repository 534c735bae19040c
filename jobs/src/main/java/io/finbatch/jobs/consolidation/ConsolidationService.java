package io.finbatch.jobs.consolidation;

import io.finbatch.jobs.statementimport.FileDigest;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;

/** Launches {@code ledgerImport} and {@code journalConsolidation} and reports what they did. */
@Service
public class ConsolidationService {

    private final JobOperator jobOperator;
    private final Job ledgerImportJob;
    private final Job journalConsolidationJob;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ConsolidationService(JobOperator jobOperator, @Qualifier("ledgerImportJob") Job ledgerImportJob,
            @Qualifier("journalConsolidationJob") Job journalConsolidationJob, JdbcTemplate jdbc, Clock clock) {
        this.jobOperator = jobOperator;
        this.ledgerImportJob = ledgerImportJob;
        this.journalConsolidationJob = journalConsolidationJob;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record LedgerImportResult(String file, String status, long executionId, long read, long skipped,
            String message) {
    }

    public record ConsolidationRunResult(String period, String status, long executionId, Long runId, String asOf,
            long sourceLines, String totalDebit, String totalCredit, String message) {
    }

    /** A translation difference (per entity, on the reserve) or an intercompany difference left by elimination. */
    public record Difference(String kind, String reference, String entity, String groupAccount, String amount) {
    }

    /** What a run booked that no source line holds: translation differences and intercompany differences. */
    public java.util.List<Difference> differences(long runId) {
        return jdbc.query("SELECT l.kind, l.reference, l.entity, l.group_account, l.amount FROM consolidation_lineage l"
                + " WHERE l.run_id = ? AND (l.kind = 'TRANSLATION' OR (l.kind = 'ELIMINATION' AND l.group_account IN"
                + " (SELECT code FROM group_account WHERE role = 'IC_DIFFERENCE'))) AND l.amount <> 0"
                + " ORDER BY l.kind DESC, l.reference",
                (rs, n) -> new Difference(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5).setScale(2).toPlainString()), runId);
    }

    public LedgerImportResult importLedger(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        JobExecution execution = launch(ledgerImportJob, new JobParametersBuilder()
                .addString("file", absolute.toString())
                .addString("sha256", FileDigest.sha256(absolute))
                .addLong("requestedAt", clock.millis()));
        var stage = execution.getStepExecutions().stream().filter(s -> s.getStepName().equals("stageLedgerLines"))
                .findFirst();
        String status = execution.getExitStatus().getExitCode().equals(io.finbatch.jobs.ledgerimport.LedgerImportJobConfiguration.REJECTED)
                ? "REJECTED" : execution.getStatus().name();
        return new LedgerImportResult(absolute.toString(), status, execution.getId(),
                stage.map(s -> s.getReadCount()).orElse(0L), stage.map(s -> s.getSkipCount()).orElse(0L),
                message(execution));
    }

    public ConsolidationRunResult consolidate(YearMonth period) {
        JobExecution execution = launch(journalConsolidationJob, new JobParametersBuilder()
                .addString("period", period.toString())
                .addLong("requestedAt", clock.millis()));
        Long runId = execution.getExecutionContext().containsKey(ConsolidatePeriodTasklet.RUN_ID)
                ? execution.getExecutionContext().getLong(ConsolidatePeriodTasklet.RUN_ID) : null;
        if (runId == null) {
            return new ConsolidationRunResult(period.toString(), execution.getStatus().name(), execution.getId(), null,
                    null, 0, null, null, message(execution));
        }
        return jdbc.queryForObject("SELECT as_of, source_lines, total_debit, total_credit FROM consolidation_run"
                + " WHERE id = ?", (rs, n) -> new ConsolidationRunResult(period.toString(), execution.getStatus().name(),
                        execution.getId(), runId, rs.getTimestamp(1).toInstant().toString(), rs.getLong(2),
                        rs.getBigDecimal(3).setScale(2).toPlainString(), rs.getBigDecimal(4).setScale(2).toPlainString(),
                        null), runId);
    }

    private JobExecution launch(Job job, JobParametersBuilder parameters) {
        try {
            return jobOperator.start(job, parameters.toJobParameters());
        } catch (Exception e) {
            throw new IllegalStateException("cannot launch " + job.getName() + ": " + e.getMessage(), e);
        }
    }

    private static String message(JobExecution execution) {
        if (!execution.getAllFailureExceptions().isEmpty()) {
            Throwable failure = execution.getAllFailureExceptions().get(0);
            while (failure.getCause() != null && failure.getCause() != failure
                    && !(failure instanceof io.finbatch.mappings.consolidation.ConsolidationException)) {
                failure = failure.getCause();
            }
            return failure.getMessage();
        }
        String description = execution.getExitStatus().getExitDescription();
        return description == null || description.isBlank() ? null : description;
    }
}
