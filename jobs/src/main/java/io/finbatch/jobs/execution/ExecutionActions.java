package io.finbatch.jobs.execution;

import io.finbatch.jobs.execution.ExecutionViews.ActionResult;
import io.finbatch.jobs.odooposting.OdooPostingJobConfiguration;
import io.finbatch.jobs.odooposting.OdooPostingService;
import io.finbatch.jobs.statementimport.StatementImportJobConfiguration;
import io.finbatch.jobs.statementimport.StatementImportService;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Component;

/**
 * Restart, stop and abandon, as the console and the API offer them. A restart resumes a failed or stopped
 * execution from where it stopped; imports and postings go through their own service (which also releases
 * a file claim or reconciles sent items first).
 */
@Component
public class ExecutionActions {

    private final ExecutionBrowser executions;
    private final JobOperator jobOperator;
    private final StatementImportService imports;
    private final OdooPostingService postings;
    private final JobRestarts jobRestarts;

    public ExecutionActions(ExecutionBrowser executions, JobOperator jobOperator, StatementImportService imports,
            OdooPostingService postings, JobRestarts jobRestarts) {
        this.jobRestarts = jobRestarts;
        this.executions = executions;
        this.jobOperator = jobOperator;
        this.imports = imports;
        this.postings = postings;
    }

    public ActionResult restart(long id) {
        JobExecution execution = executions.find(id);
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
            JobExecution restarted = jobRestarts.restart(execution);
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
    }

    public ActionResult stop(long id) {
        JobExecution execution = executions.find(id);
        try {
            jobOperator.stop(execution);
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop execution " + id + ": " + e.getMessage(), e);
        }
        return new ActionResult(id, "stop", executions.find(id).getStatus().name(), null, null);
    }

    public ActionResult abandon(long id) {
        JobExecution execution = executions.find(id);
        try {
            JobExecution abandoned = jobOperator.abandon(execution);
            return new ActionResult(id, "abandon", abandoned.getStatus().name(), null, null);
        } catch (Exception e) {
            throw new IllegalStateException("cannot abandon execution " + id + ": " + e.getMessage(), e);
        }
    }
}
