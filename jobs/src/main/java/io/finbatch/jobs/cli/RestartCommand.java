package io.finbatch.jobs.cli;

import io.finbatch.jobs.odooposting.OdooPostingJobConfiguration;
import io.finbatch.jobs.odooposting.OdooPostingService;
import io.finbatch.jobs.odooposting.PostingRunResult;
import io.finbatch.jobs.statementimport.ImportResult;
import io.finbatch.jobs.statementimport.StatementImportService;
import io.finbatch.jobs.statementimport.StatementImportJobConfiguration;
import org.springframework.batch.core.job.JobExecution;
import io.finbatch.jobs.execution.JobRestarts;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code restart EXECUTION_ID}: resumes a failed or stopped job execution from where it stopped. */
@Command(name = "restart", description = "Restart a failed or stopped job execution from where it stopped.")
public class RestartCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "EXECUTION_ID")
    long executionId;

    @Option(names = "--recover", description = "first mark an execution left STARTED by a dead process as FAILED")
    boolean recover;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = SpringContexts.start()) {
            JobExecution execution = context.getBean(JobRepository.class).getJobExecution(executionId);
            if (execution == null) {
                System.err.println("no job execution " + executionId);
                return 2;
            }
            String job = execution.getJobInstance().getJobName();
            if (execution.isRunning() && recover) {
                context.getBean(JobOperator.class).recover(execution);
            }
            if (!StatementImportJobConfiguration.JOB_NAME.equals(job)
                    && !OdooPostingJobConfiguration.JOB_NAME.equals(job)) {
                return restartOther(context, executionId);
            }
            if (OdooPostingJobConfiguration.JOB_NAME.equals(job)) {
                PostingRunResult result = context.getBean(OdooPostingService.class).restart(executionId);
                System.out.printf("execution %d: %s, %s: %d posted, %d already in Odoo, %d skipped, %d re-dated%n",
                        result.executionId(), result.status(), result.kind(), result.posted(),
                        result.alreadyPresent(), result.skipped(), result.dateMoved());
                printMessage(result.message());
                return result.status().equals("COMPLETED") ? 0 : 3;
            }
            ImportResult result = context.getBean(StatementImportService.class).restart(executionId, recover);
            System.out.printf("execution %d: %s, %s, %d statement(s), %d imported, %d duplicate(s), %d skipped%n",
                    result.executionId(), result.status(), result.format(), result.statements(),
                    result.linesImported(), result.duplicates(), result.skipped());
            printMessage(result.message());
            return result.status().equals("IMPORTED") || result.status().equals("ALREADY_IMPORTED") ? 0 : 3;
        }
    }

    /** Any other job: restarted as Spring Batch defines it, from its failed step. */
    private static int restartOther(ConfigurableApplicationContext context, long executionId) {
        JobRepository repository = context.getBean(JobRepository.class);
        JobExecution execution = repository.getJobExecution(executionId);
        if (execution.isRunning()) {
            System.err.println("job execution " + executionId + " is marked " + execution.getStatus()
                    + "; if the process that ran it is gone, restart it with --recover");
            return 2;
        }
        try {
            JobExecution restarted = context.getBean(JobRestarts.class).restart(execution);
            System.out.printf("execution %d (%s): %s, exit %s%n", restarted.getId(),
                    restarted.getJobInstance().getJobName(), restarted.getStatus(),
                    restarted.getExitStatus().getExitCode());
            restarted.getAllFailureExceptions().stream().findFirst().ifPresent(e -> printMessage(e.getMessage()));
            return restarted.getStatus().name().equals("COMPLETED") ? 0 : 3;
        } catch (Exception e) {
            System.err.println("cannot restart job execution " + executionId + ": " + e.getMessage());
            return 2;
        }
    }

    private static void printMessage(String message) {
        if (message != null) {
            System.out.println("    " + message);
        }
    }
}
