package io.finbatch.jobs.banklines;

import io.finbatch.mappings.money.CurrencyUnits;
import io.finbatch.jobs.cli.SpringContexts;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/**
 * {@code map-bank-lines}: staged bank statement lines into journal lines through the reviewed rules
 * ({@code bankLineMapping}); prints the counts and lists the lines still unmatched (account masked).
 * Exit 0 when the job completed (unmatched lines are work for an operator, not a failure), 3 otherwise.
 */
@Command(name = "map-bank-lines", description = "Map staged bank statement lines to journal lines with the"
        + " reviewed rules (finbatch.rules.dir, format: mappings/rules/README.md).")
public class BankLineMappingCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = SpringContexts.start()) {
            BankLineMappingService.MappingRunResult r = context.getBean(BankLineMappingService.class).mapBankLines();
            System.out.printf("%s: %d matched, %d unmatched, %d period locked (execution %d)%n", r.status(),
                    r.matched(), r.unmatched(), r.locked(), r.executionId());
            if (r.message() != null) {
                System.out.println("    " + r.message());
            }
            if (!r.unmatchedLines().isEmpty()) {
                System.out.println("Unmatched lines:");
                for (BankLineMappingService.UnmatchedLine line : r.unmatchedLines()) {
                    System.out.printf("  %-24s %-10s %14s %-3s  %s%n", line.account(), line.date(),
                            line.amount() == null ? "?"
                                    : CurrencyUnits.scaled(line.amount(), line.currency()).toPlainString(),
                            line.currency(), line.reason());
                }
            }
            return "COMPLETED".equals(r.status()) ? 0 : 3;
        }
    }
}
