package io.finbatch.jobs.api;

import io.finbatch.jobs.odooposting.OdooPostingJobConfiguration;
import io.finbatch.jobs.odooposting.OdooPostingService;
import io.finbatch.jobs.statementimport.StatementImportJobConfiguration;
import io.finbatch.jobs.statementimport.StatementImportService;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Job executions: list, detail, restart (OPERATOR), stop, abandon. */
@RestController
@RequestMapping("/api/executions")
class ExecutionsController {

    record ExecutionSummary(long id, String job, String status, String exitCode, LocalDateTime start,
            LocalDateTime end) {
    }

    record StepSummary(long id, String name, String status, long readCount, long writeCount, long filterCount,
            long readSkipCount, long processSkipCount, long writeSkipCount, long commitCount, long rollbackCount,
            String exitCode, String exitDescription, LocalDateTime start, LocalDateTime end) {
    }

    record ExecutionDetail(long id, String job, long instanceId, String status, String exitCode,
            String exitDescription, LocalDateTime start, LocalDateTime end, java.util.Map<String, String> parameters,
            List<StepSummary> steps) {
    }

    record ActionResult(long executionId, String action, String status, Long newExecutionId, String message) {
    }

    private final JdbcTemplate jdbc;
    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final StatementImportService imports;
    private final OdooPostingService postings;
    private final Audited audited;

    ExecutionsController(JdbcTemplate jdbc, JobRepository jobRepository, JobOperator jobOperator,
            StatementImportService imports, OdooPostingService postings, Audited audited) {
        this.jdbc = jdbc;
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.imports = imports;
        this.postings = postings;
        this.audited = audited;
    }

    @GetMapping
    List<ExecutionSummary> list(@RequestParam(required = false) String job,
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "100") int limit) {
        StringBuilder sql = new StringBuilder("SELECT e.JOB_EXECUTION_ID, i.JOB_NAME, e.STATUS, e.EXIT_CODE,"
                + " e.START_TIME, e.END_TIME FROM BATCH_JOB_EXECUTION e"
                + " JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (job != null && !job.isBlank()) {
            sql.append(" AND i.JOB_NAME = ?");
            args.add(job);
        }
        if (status != null && !status.isBlank()) {
            sql.append(" AND e.STATUS = ?");
            args.add(status.toUpperCase(Locale.ROOT));
        }
        sql.append(" ORDER BY e.JOB_EXECUTION_ID DESC FETCH FIRST ").append(Math.min(Math.max(1, limit), 1000))
                .append(" ROWS ONLY");
        return jdbc.query(sql.toString(), (rs, n) -> new ExecutionSummary(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getObject(5, LocalDateTime.class),
                rs.getObject(6, LocalDateTime.class)), args.toArray());
    }

    @GetMapping("/{id}")
    ExecutionDetail detail(@PathVariable long id) {
        JobExecution e = find(id);
        java.util.Map<String, String> parameters = new java.util.TreeMap<>();
        e.getJobParameters().parameters().forEach(p -> parameters.put(p.name(), String.valueOf(p.value())));
        List<StepSummary> steps = e.getStepExecutions().stream()
                .sorted(Comparator.comparing(StepExecution::getId))
                .map(s -> new StepSummary(s.getId(), s.getStepName(), s.getStatus().name(), s.getReadCount(),
                        s.getWriteCount(), s.getFilterCount(), s.getReadSkipCount(), s.getProcessSkipCount(),
                        s.getWriteSkipCount(), s.getCommitCount(), s.getRollbackCount(),
                        s.getExitStatus().getExitCode(), s.getExitStatus().getExitDescription(), s.getStartTime(),
                        s.getEndTime()))
                .toList();
        return new ExecutionDetail(e.getId(), e.getJobInstance().getJobName(), e.getJobInstance().getId(),
                e.getStatus().name(), e.getExitStatus().getExitCode(), e.getExitStatus().getExitDescription(),
                e.getStartTime(), e.getEndTime(), parameters, steps);
    }

    /** Resumes a failed or stopped execution from where it stopped (imports and postings through their service). */
    @PostMapping("/{id}/restart")
    ActionResult restart(@PathVariable long id, HttpServletRequest request, Principal who) {
        return audited.run(request, who, () -> {
            JobExecution execution = find(id);
            if (execution.isRunning()) {
                throw new IllegalStateException("execution " + id + " is " + execution.getStatus()
                        + "; if the process that ran it is gone, abandon it or restart it from the command line"
                        + " with --recover");
            }
            String job = execution.getJobInstance().getJobName();
            if (StatementImportJobConfiguration.JOB_NAME.equals(job)) {
                var r = imports.restart(id, false);
                return new ActionResult(id, "restart", r.status(), r.executionId(), r.message());
            }
            if (OdooPostingJobConfiguration.JOB_NAME.equals(job)) {
                var r = postings.restart(id);
                return new ActionResult(id, "restart", r.status(), r.executionId(), r.message());
            }
            try {
                JobExecution restarted = jobOperator.restart(execution);
                String message = restarted.getAllFailureExceptions().stream().findFirst()
                        .map(Throwable::getMessage).orElse(null);
                return new ActionResult(id, "restart", restarted.getStatus().name(), restarted.getId(), message);
            } catch (Exception e) {
                // Spring Batch wraps every launch failure as "job execution already running": name the cause
                Throwable cause = e;
                while (cause.getCause() != null && cause.getCause() != cause) {
                    cause = cause.getCause();
                }
                throw new IllegalStateException("cannot restart execution " + id + ": " + cause.getMessage(), e);
            }
        }, r -> "new execution " + r.newExecutionId() + ": " + r.status());
    }

    @PostMapping("/{id}/stop")
    ActionResult stop(@PathVariable long id, HttpServletRequest request, Principal who) {
        return audited.run(request, who, () -> {
            JobExecution execution = find(id);
            try {
                jobOperator.stop(execution);
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop execution " + id + ": " + e.getMessage(), e);
            }
            return new ActionResult(id, "stop", find(id).getStatus().name(), null, null);
        }, r -> r.status());
    }

    @PostMapping("/{id}/abandon")
    ActionResult abandon(@PathVariable long id, HttpServletRequest request, Principal who) {
        return audited.run(request, who, () -> {
            JobExecution execution = find(id);
            try {
                JobExecution abandoned = jobOperator.abandon(execution);
                return new ActionResult(id, "abandon", abandoned.getStatus().name(), null, null);
            } catch (Exception e) {
                throw new IllegalStateException("cannot abandon execution " + id + ": " + e.getMessage(), e);
            }
        }, r -> r.status());
    }

    private JobExecution find(long id) {
        JobExecution execution;
        try {
            execution = jobRepository.getJobExecution(id);
        } catch (EmptyResultDataAccessException unknown) {
            // Spring Batch 6 throws here for an unknown id (instead of returning null)
            execution = null;
        }
        if (execution == null) {
            throw new NotFoundException("no job execution " + id);
        }
        return execution;
    }
}
