package io.finbatch.jobs.extract;

import io.finbatch.writers.extract.ExtractFileRecord;
import io.finbatch.jobs.cli.SpringContexts;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Instant;
import java.time.YearMonth;
import java.util.concurrent.Callable;

/**
 * {@code extract NAME PERIOD [--as-of INSTANT]}: runs the extract {@code sql/extracts/NAME} for the period as
 * of the GROUP period's cut-off, and prints the files written (version, rows, control totals, SHA-256).
 * {@code extract --list} prints the extracts defined.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Write an extract (sql/extracts/NAME.sql + .yml) of a period (yyyy-mm) as of the GROUP period's"
                + " cut-off: CSV/XLSX files with a manifest each, archived under finbatch.extracts.dir as a new version.")
public class ExtractCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", arity = "0..1", description = "the extract, e.g. gl-detail")
    String name;

    @Parameters(index = "1", paramLabel = "PERIOD", arity = "0..1", description = "yyyy-mm")
    YearMonth period;

    @Option(names = "--as-of", paramLabel = "INSTANT",
            description = "another as-of instant than the cut-off (ISO 8601, e.g. 2026-11-03T18:00:00Z)")
    Instant asOf;

    @Option(names = "--list", description = "list the extracts defined and exit")
    boolean list;

    @Override
    public Integer call() {
        if (!list && (name == null || period == null)) {
            System.err.println("extract: NAME and PERIOD are required (or --list)");
            return 2;
        }
        try (ConfigurableApplicationContext context = SpringContexts.start()) {
            ExtractService extracts = context.getBean(ExtractService.class);
            if (list) {
                extracts.names().forEach(System.out::println);
                return 0;
            }
            ExtractService.ExtractResult r = extracts.extract(name, period, asOf);
            if (!r.completed()) {
                System.out.printf("%s %s: %s (execution %d)%n    %s%n", r.name(), r.period(), r.status(),
                        r.executionId(), r.message());
                return 3;
            }
            System.out.printf("%s %s as of %s: version %d, %d rows, control totals %s (execution %d)%n", r.name(),
                    r.period(), r.asOf(), r.version(), r.rows(), r.controlTotals(), r.executionId());
            for (ExtractFileRecord file : r.files()) {
                System.out.printf("  %-4s %s%n       sha256 %s, manifest %s%n", file.format(), file.path(),
                        file.sha256(), file.manifestPath());
            }
            return 0;
        }
    }
}
