package io.finbatch.jobs.cli;

import io.finbatch.jobs.consolidation.ConsolidationService;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code load-ledger FILE...}: general-ledger CSV exports into the journal-line store ({@code ledgerImport}). */
@Command(name = "load-ledger", description = "Load general-ledger CSV exports (layout: examples/group/README.md).")
public class LoadLedgerCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Override
    public Integer call() {
        boolean allGood = true;
        try (ConfigurableApplicationContext context = SpringContexts.start()) {
            ConsolidationService service = context.getBean(ConsolidationService.class);
            for (Path file : files) {
                ConsolidationService.LedgerImportResult r = service.importLedger(file);
                System.out.printf("%-32s %-10s %6d lines read, %d skipped (period locked) execution %d%n",
                        file.getFileName(), r.status(), r.read(), r.skipped(), r.executionId());
                if (r.message() != null) {
                    System.out.println("    " + r.message());
                }
                allGood &= r.status().equals("COMPLETED");
            }
        }
        return allGood ? 0 : 3;
    }
}
