package io.finbatch.jobs.scheduling;

import io.finbatch.jobs.cli.SpringContexts;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code schedules}: the schedule files with their next fire time in Quartz; {@code schedules sync}: reconciles
 * Quartz with the files without starting the scheduler. Exit status 2 when a file is invalid.
 */
@Command(name = "schedules", description = "List the schedules (schedules/*.yml) with their next fire times.",
        subcommands = SchedulesCommand.Sync.class)
public class SchedulesCommand implements Callable<Integer> {

    static final int INVALID_SCHEDULE = 2;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = SpringContexts.start()) {
            print(context.getBean(ScheduleSync.class).status(), System.out);
            return 0;
        } catch (ScheduleFileException e) {
            System.err.println("invalid schedule: " + e.getMessage());
            return INVALID_SCHEDULE;
        }
    }

    static void print(List<ScheduleSync.ScheduleStatus> rows, PrintStream out) {
        out.printf("%-24s %-20s %-22s %-16s %-8s %-8s %-27s %s%n", "SCHEDULE", "JOB", "CRON", "TIME ZONE", "CALENDAR",
                "ENABLED", "NEXT FIRE", "STATE");
        for (ScheduleSync.ScheduleStatus row : rows) {
            Schedule s = row.schedule();
            out.printf("%-24s %-20s %-22s %-16s %-8s %-8s %-27s %s%n", s.id(), s.job().id(), s.cron(), s.timeZone(),
                    s.calendar() == null ? "-" : s.calendar(), s.enabled() ? "yes" : "no",
                    format(row.nextFireTime(), s.timeZone()),
                    (row.triggerState() == null ? "-" : row.triggerState())
                            + (row.inSync() ? "" : " (not in sync with the file: run 'schedules sync')"));
        }
    }

    static String format(Instant instant, ZoneId zone) {
        return instant == null ? "-" : TIME.format(instant.atZone(zone));
    }

    /** {@code schedules sync}: adds, changes and removes Quartz jobs and triggers to match the files. */
    @Command(name = "sync", description = "Reconcile Quartz with the schedule files (nothing fires).")
    public static class Sync implements Callable<Integer> {

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = SpringContexts.start()) {
                for (ScheduleSync.SyncEntry entry : context.getBean(ScheduleSync.class).sync()) {
                    System.out.printf("%-24s %-10s %s%n", entry.id(), entry.change(),
                            entry.nextFireTime() == null ? "" : "next " + entry.nextFireTime());
                }
                return 0;
            } catch (ScheduleFileException e) {
                System.err.println("invalid schedule: " + e.getMessage());
                return INVALID_SCHEDULE;
            }
        }
    }
}
