package io.finbatch.jobs.execution;

import io.finbatch.jobs.execution.ExecutionViews.ExecutionDetail;
import io.finbatch.jobs.execution.ExecutionViews.ExecutionSummary;
import io.finbatch.jobs.execution.ExecutionViews.Filter;
import io.finbatch.jobs.execution.ExecutionViews.Progress;
import io.finbatch.jobs.execution.ExecutionViews.StepSummary;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Reads executions from the job repository: filtered lists, one execution with its steps, live progress. */
@Component
public class ExecutionBrowser {

    private final JdbcTemplate jdbc;
    private final JobRepository jobRepository;
    private final Clock clock;

    public ExecutionBrowser(JdbcTemplate jdbc, JobRepository jobRepository, Clock clock) {
        this.jdbc = jdbc;
        this.jobRepository = jobRepository;
        this.clock = clock;
    }

    public List<ExecutionSummary> list(Filter filter) {
        StringBuilder sql = new StringBuilder("SELECT e.JOB_EXECUTION_ID, i.JOB_NAME, e.STATUS, e.EXIT_CODE,"
                + " e.START_TIME, e.END_TIME FROM BATCH_JOB_EXECUTION e"
                + " JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (filter.job() != null && !filter.job().isBlank()) {
            sql.append(" AND i.JOB_NAME = ?");
            args.add(filter.job());
        }
        if (filter.status() != null && !filter.status().isBlank()) {
            sql.append(" AND e.STATUS = ?");
            args.add(filter.status().toUpperCase(Locale.ROOT));
        }
        if (filter.from() != null) {
            sql.append(" AND e.CREATE_TIME >= ?");
            args.add(Timestamp.valueOf(filter.from().atStartOfDay()));
        }
        if (filter.to() != null) {
            sql.append(" AND e.CREATE_TIME < ?");
            args.add(Timestamp.valueOf(filter.to().plusDays(1).atStartOfDay()));
        }
        sql.append(" ORDER BY e.JOB_EXECUTION_ID DESC FETCH FIRST ").append(Math.min(Math.max(1, filter.limit()), 1000))
                .append(" ROWS ONLY");
        return jdbc.query(sql.toString(), (rs, n) -> new ExecutionSummary(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getObject(5, LocalDateTime.class),
                rs.getObject(6, LocalDateTime.class)), args.toArray());
    }

    /** The latest execution of each job, by job name. */
    public List<ExecutionSummary> lastPerJob() {
        return jdbc.query("SELECT e.JOB_EXECUTION_ID, i.JOB_NAME, e.STATUS, e.EXIT_CODE, e.START_TIME, e.END_TIME"
                + " FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID"
                + " WHERE e.JOB_EXECUTION_ID IN (SELECT MAX(e2.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION e2"
                + " JOIN BATCH_JOB_INSTANCE i2 ON i2.JOB_INSTANCE_ID = e2.JOB_INSTANCE_ID GROUP BY i2.JOB_NAME)"
                + " ORDER BY i.JOB_NAME", (rs, n) -> new ExecutionSummary(rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getObject(5, LocalDateTime.class),
                        rs.getObject(6, LocalDateTime.class)));
    }

    public List<String> jobNames() {
        return jdbc.queryForList("SELECT DISTINCT JOB_NAME FROM BATCH_JOB_INSTANCE ORDER BY JOB_NAME", String.class);
    }

    public ExecutionDetail detail(long id) {
        JobExecution e = find(id);
        Map<String, String> parameters = new TreeMap<>();
        e.getJobParameters().parameters().forEach(p -> parameters.put(p.name(), String.valueOf(p.value())));
        List<StepSummary> steps = e.getStepExecutions().stream()
                .sorted(Comparator.comparing(StepExecution::getId))
                .map(s -> new StepSummary(s.getId(), s.getStepName(), s.getStatus().name(), s.getReadCount(),
                        s.getWriteCount(), s.getFilterCount(), s.getReadSkipCount(), s.getProcessSkipCount(),
                        s.getWriteSkipCount(), s.getCommitCount(), s.getRollbackCount(),
                        s.getExitStatus().getExitCode(), s.getExitStatus().getExitDescription(), s.getStartTime(),
                        s.getEndTime()))
                .toList();
        String description = e.getExitStatus().getExitDescription();
        // the failed step's root cause says most; else the job's own description unless it simply completed
        String failure = e.getStepExecutions().stream().filter(s -> s.getStatus().name().equals("FAILED"))
                .min(Comparator.comparing(StepExecution::getId))
                .map(s -> s.getExecutionContext().containsKey(FailureCauseRecorder.CAUSE)
                        ? s.getExecutionContext().getString(FailureCauseRecorder.CAUSE)
                        : FailureHeadline.of(s.getExitStatus().getExitDescription()))
                .orElse("COMPLETED".equals(e.getExitStatus().getExitCode()) ? null : FailureHeadline.of(description));
        return new ExecutionDetail(e.getId(), e.getJobInstance().getJobName(), e.getJobInstance().getId(),
                e.getStatus().name(), e.getExitStatus().getExitCode(), description, failure,
                e.getStartTime(), e.getEndTime(), parameters, steps);
    }

    public Progress progress(long id) {
        JobExecution e = find(id);
        StepExecution step = e.getStepExecutions().stream()
                .max(Comparator.comparing(StepExecution::getId)).orElse(null);
        if (step == null) {
            return new Progress(id, e.getStatus().name(), null, null, 0, 0, 0, null, null, 0);
        }
        long done = step.getWriteCount() + step.getFilterCount();
        long skipped = step.getSkipCount();
        LocalDateTime start = step.getStartTime();
        LocalDateTime end = step.getEndTime() != null ? step.getEndTime() : LocalDateTime.now(clock);
        long elapsedMillis = start == null ? 0 : Math.max(0, Duration.between(start, end).toMillis());
        double rate = elapsedMillis == 0 ? 0 : (done + skipped) * 1000.0 / elapsedMillis;
        Long expected = e.getExecutionContext().containsKey(ProgressKeys.EXPECTED_ITEMS)
                ? e.getExecutionContext().getLong(ProgressKeys.EXPECTED_ITEMS) : null;
        Long eta = null;
        if (expected != null && step.getEndTime() == null && rate > 0) {
            eta = Math.max(0, Math.round((expected - done - skipped) / rate));
        }
        return new Progress(id, e.getStatus().name(), step.getStepName(), step.getStatus().name(), done, skipped,
                Math.round(rate * 10) / 10.0, expected, eta, elapsedMillis / 1000);
    }

    public JobExecution find(long id) {
        JobExecution execution;
        try {
            execution = jobRepository.getJobExecution(id);
        } catch (EmptyResultDataAccessException unknown) {
            // Spring Batch 6 throws here for an unknown id (instead of returning null)
            execution = null;
        }
        if (execution == null) {
            throw new UnknownExecutionException(id);
        }
        return execution;
    }

}
