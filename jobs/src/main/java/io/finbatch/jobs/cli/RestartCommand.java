package io.finbatch.jobs.cli;

import io.finbatch.jobs.statementimport.ImportResult;
import io.finbatch.jobs.statementimport.StatementImportService;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code restart EXECUTION_ID}: resumes a failed or stopped import after its last committed chunk. */
@Command(name = "restart", description = "Restart a failed or stopped job execution from where it stopped.")
public class RestartCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "EXECUTION_ID")
    long executionId;

    @Option(names = "--recover", description = "first mark an execution left STARTED by a dead process as FAILED")
    boolean recover;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = SpringContexts.start()) {
            ImportResult result = context.getBean(StatementImportService.class).restart(executionId, recover);
            System.out.printf("execution %d: %s, %s, %d statement(s), %d imported, %d duplicate(s), %d skipped%n",
                    result.executionId(), result.status(), result.format(), result.statements(),
                    result.linesImported(), result.duplicates(), result.skipped());
            if (result.message() != null) {
                System.out.println("    " + result.message());
            }
            return result.status().equals("IMPORTED") || result.status().equals("ALREADY_IMPORTED") ? 0 : 3;
        }
    }
}
