package io.finbatch.jobs.cli;

import io.finbatch.jobs.execution.ExecutionQueries;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

/** {@code executions}: the most recent job executions with their status. */
@Command(name = "executions", description = "List recent job executions with their status.")
public class ExecutionsCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Option(names = "--limit", defaultValue = "20", description = "how many (default ${DEFAULT-VALUE})")
    int limit;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = SpringContexts.start()) {
            var rows = context.getBean(ExecutionQueries.class).recent(limit);
            System.out.printf("%9s  %-20s %-10s %-17s %-19s %-19s %s%n", "EXECUTION", "JOB", "STATUS", "EXIT",
                    "STARTED", "ENDED", "FILE");
            for (var row : rows) {
                System.out.printf("%9d  %-20s %-10s %-17s %-19s %-19s %s%n", row.id(), row.jobName(), row.status(),
                        row.exitCode(), row.start() == null ? "-" : TIME.format(row.start()),
                        row.end() == null ? "-" : TIME.format(row.end()),
                        row.file() == null ? "" : Path.of(row.file()).getFileName());
            }
        }
        return 0;
    }
}
