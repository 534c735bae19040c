package io.finbatch.jobs.cli;

import io.finbatch.jobs.consolidation.ConsolidationService;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.time.YearMonth;
import java.util.concurrent.Callable;

/** {@code consolidate PERIOD}: the consolidated trial balance of the period as of its cut-off. */
@Command(name = "consolidate", description = "Consolidate a period (yyyy-mm) as of the GROUP period's cut-off.")
public class ConsolidateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PERIOD")
    YearMonth period;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = SpringContexts.start()) {
            ConsolidationService.ConsolidationRunResult r = context.getBean(ConsolidationService.class)
                    .consolidate(period);
            if (r.runId() == null) {
                System.out.printf("%s: %s (execution %d)%n    %s%n", r.period(), r.status(), r.executionId(),
                        r.message());
                return 3;
            }
            System.out.printf("%s as of %s: run %d, %d source lines, debit %s = credit %s (execution %d)%n",
                    r.period(), r.asOf(), r.runId(), r.sourceLines(), r.totalDebit(), r.totalCredit(),
                    r.executionId());
            for (ConsolidationService.Difference d : context.getBean(ConsolidationService.class).differences(r.runId())) {
                System.out.printf("    %-11s %-50s %14s on %s%n", d.kind().equals("TRANSLATION") ? "translation"
                        : "intercompany", d.reference(), d.amount(), d.groupAccount());
            }
            return 0;
        }
    }
}
