package io.finbatch.jobs.cli;

import io.finbatch.writers.periods.FiscalPeriod;
import io.finbatch.writers.periods.FiscalPeriodRepository;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Instant;
import java.time.YearMonth;
import java.util.concurrent.Callable;

/** {@code period list | cutoff | soft-close | lock}: the governed periods (entity GROUP for consolidated figures). */
@Command(name = "period", description = "List periods, set a cut-off, soft-close or lock a period.",
        subcommands = {PeriodCommand.ListPeriods.class, PeriodCommand.Cutoff.class, PeriodCommand.SoftClose.class,
            PeriodCommand.Lock.class})
public class PeriodCommand {

    @Command(name = "list", description = "All periods with status, cut-off and who changed them last.")
    static class ListPeriods implements Callable<Integer> {
        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = SpringContexts.start()) {
                System.out.printf("%-12s %-8s %-11s %-22s %s%n", "ENTITY", "PERIOD", "STATUS", "CUT-OFF", "CHANGED BY");
                for (FiscalPeriod p : context.getBean(FiscalPeriodRepository.class).all()) {
                    System.out.printf("%-12s %-8s %-11s %-22s %s%n", p.entity(), p.period(), p.status(),
                            p.cutoffAt() == null ? "-" : p.cutoffAt(),
                            p.statusChangedBy() == null ? "" : p.statusChangedBy() + " at " + p.statusChangedAt());
                }
            }
            return 0;
        }
    }

    abstract static class PeriodChange implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ENTITY", description = "entity code, or GROUP")
        String entity;

        @Parameters(index = "1", paramLabel = "PERIOD", description = "yyyy-mm")
        YearMonth period;

        @Option(names = "--by", required = true, description = "who does it (recorded)")
        String by;

        abstract FiscalPeriod apply(FiscalPeriodRepository periods);

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = SpringContexts.start()) {
                FiscalPeriod p = apply(context.getBean(FiscalPeriodRepository.class));
                System.out.printf("%s %s: %s, cut-off %s%n", p.entity(), p.period(), p.status(),
                        p.cutoffAt() == null ? "-" : p.cutoffAt());
                return 0;
            } catch (IllegalStateException refused) {
                System.err.println(refused.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "cutoff", description = "Set the cut-off: data recorded later does not count in the period.")
    static class Cutoff extends PeriodChange {
        @Option(names = "--at", required = true, description = "ISO-8601 instant, e.g. 2026-11-03T18:00:00Z")
        Instant at;

        @Override
        FiscalPeriod apply(FiscalPeriodRepository periods) {
            return periods.setCutoff(entity, period, at, by);
        }
    }

    @Command(name = "soft-close", description = "Mark the period SOFT_CLOSED.")
    static class SoftClose extends PeriodChange {
        @Override
        FiscalPeriod apply(FiscalPeriodRepository periods) {
            return periods.softClose(entity, period, by);
        }
    }

    @Command(name = "lock", description = "Lock the period for good: nothing of it can be written any more.")
    static class Lock extends PeriodChange {
        @Override
        FiscalPeriod apply(FiscalPeriodRepository periods) {
            return periods.lock(entity, period, by);
        }
    }
}
