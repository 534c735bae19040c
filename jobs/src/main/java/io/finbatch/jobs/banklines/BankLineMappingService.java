package io.finbatch.jobs.banklines;

import io.finbatch.mappings.money.Masking;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Launches {@code bankLineMapping} and reports what it did, with the lines still unmatched. */
@Service
public class BankLineMappingService {

    private final JobOperator jobOperator;
    private final Job bankLineMappingJob;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public BankLineMappingService(JobOperator jobOperator, @Qualifier("bankLineMappingJob") Job bankLineMappingJob,
            JdbcTemplate jdbc, Clock clock) {
        this.jobOperator = jobOperator;
        this.bankLineMappingJob = bankLineMappingJob;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * One run: how many lines it matched, left unmatched and found in a locked period, and every line still
     * unmatched (of this run or earlier ones), for an operator.
     */
    public record MappingRunResult(String status, long executionId, long matched, long unmatched, long locked,
            List<UnmatchedLine> unmatchedLines, String message) {
    }

    /** A staged line the rules did not map; the account is masked. Date: booking date, else value date. */
    public record UnmatchedLine(long statementLineId, String account, LocalDate date, BigDecimal amount,
            String currency, String reason) {
    }

    public MappingRunResult mapBankLines() {
        JobExecution execution;
        try {
            execution = jobOperator.start(bankLineMappingJob, new JobParametersBuilder()
                    .addLong("requestedAt", clock.millis()).toJobParameters());
        } catch (Exception e) {
            throw new IllegalStateException("cannot launch " + BankLineMappingJobConfiguration.JOB_NAME + ": "
                    + e.getMessage(), e);
        }
        long[] counts = new long[3];
        jdbc.query("SELECT outcome, COUNT(*) FROM bank_line_mapping WHERE job_execution_id = ? GROUP BY outcome", rs -> {
            switch (rs.getString(1)) {
                case "MATCHED" -> counts[0] = rs.getLong(2);
                case "UNMATCHED" -> counts[1] = rs.getLong(2);
                case "PERIOD_LOCKED" -> counts[2] = rs.getLong(2);
                default -> { }
            }
        }, execution.getId());
        return new MappingRunResult(execution.getStatus().name(), execution.getId(), counts[0], counts[1], counts[2],
                unmatchedLines(), message(execution));
    }

    /** Every staged line currently unmatched, oldest first. */
    public List<UnmatchedLine> unmatchedLines() {
        return jdbc.query("SELECT l.id, l.account_key, COALESCE(l.booking_date, l.value_date) AS line_date, l.amount,"
                + " l.currency, m.reason FROM bank_line_mapping m JOIN statement_line l ON l.id = m.statement_line_id"
                + " WHERE m.outcome = 'UNMATCHED' ORDER BY l.id", (rs, n) -> new UnmatchedLine(rs.getLong(1),
                        Masking.maskAccount(rs.getString(2)),
                        rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate(), rs.getBigDecimal(4),
                        rs.getString(5).trim(), rs.getString(6)));
    }

    private static String message(JobExecution execution) {
        if (!execution.getAllFailureExceptions().isEmpty()) {
            Throwable failure = execution.getAllFailureExceptions().get(0);
            while (failure.getCause() != null && failure.getCause() != failure) {
                failure = failure.getCause();
            }
            return failure.getMessage();
        }
        String description = execution.getExitStatus().getExitDescription();
        return description == null || description.isBlank() ? null : description;
    }
}
