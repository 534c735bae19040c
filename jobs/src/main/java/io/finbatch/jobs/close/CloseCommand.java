package io.finbatch.jobs.close;

import io.finbatch.jobs.cli.SpringContexts;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.YearMonth;
import java.util.concurrent.Callable;

/**
 * {@code close PERIOD --by NAME}: the month-end close (checks, cut-off, consolidation, extracts, posting, lock);
 * on a period whose close failed, resumes it at the step that failed. Exit status 3 when it did not complete.
 */
@Command(name = "close", description = {"Month-end close of a period (yyyy-mm): checks, cut-off, consolidation,",
        "extracts, posting of the entries, then the period LOCKED here and in Odoo.",
        "A close that stopped on blockers resumes at the failed step when run again."})
public class CloseCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PERIOD")
    YearMonth period;

    @Option(names = "--by", required = true, paramLabel = "NAME", description = "who requests the close")
    String by;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = SpringContexts.start()) {
            MonthEndCloseService.CloseResult r = context.getBean(MonthEndCloseService.class).close(period, by);
            switch (r.status()) {
                case "COMPLETED" -> System.out.printf("%s: closed and LOCKED by %s (execution %d%s), consolidation run %s%n",
                        r.period(), by, r.executionId(), r.restarted() ? ", resumed" : "", r.consolidationRunId());
                case "ALREADY_CLOSED" -> System.out.printf("%s: already closed (execution %d)%n", r.period(),
                        r.executionId());
                default -> {
                    System.out.printf("%s: %s at step %s (execution %d%s)%n", r.period(), r.status(), r.failedStep(),
                            r.executionId(), r.restarted() ? ", resumed" : "");
                    if (r.blockers().isEmpty() && r.message() != null) {
                        System.out.printf("    %s%n", r.message());
                    }
                    for (CloseBlocker b : r.blockers()) {
                        System.out.printf("    %-18s %s%n", b.check(), b.detail());
                    }
                    System.out.printf("Fix the above and run `close %s --by NAME` again: it resumes at %s.%n",
                            r.period(), r.failedStep());
                }
            }
            return r.completed() ? 0 : 3;
        }
    }
}
