package io.finbatch.jobs.scheduling;

import io.finbatch.jobs.cli.SpringContexts;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code serve}: the long-running mode. Reconciles Quartz with the schedule files (an invalid file stops it,
 * naming file, field and reason), starts the scheduler, logs the next fire times and runs until stopped
 * (SIGTERM / Ctrl-C; a running job is waited for). Several nodes may serve on one database: the clustered
 * job store fires each trigger once.
 */
@Command(name = "serve", description = "Run the schedules (schedules/*.yml) until stopped.")
public class ServeCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @Override
    public Integer call() throws InterruptedException, SchedulerException {
        try (ConfigurableApplicationContext context = SpringContexts.startWeb()) {
            CountDownLatch stopped = new CountDownLatch(1);
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent) {
                    stopped.countDown();
                }
            });
            ScheduleSync sync = context.getBean(ScheduleSync.class);
            sync.sync();
            Scheduler scheduler = context.getBean(Scheduler.class);
            scheduler.start();
            log.info("scheduler {} (instance {}) started; schedules from {}", scheduler.getSchedulerName(),
                    scheduler.getSchedulerInstanceId(), context.getBean(ScheduleFiles.class).dir().toAbsolutePath());
            for (ScheduleSync.ScheduleStatus row : sync.status()) {
                Schedule s = row.schedule();
                log.info("schedule {}: {} '{}' {}{} - {}", s.id(), s.job().id(), s.cron(), s.timeZone(),
                        s.calendar() == null ? "" : " calendar " + s.calendar(),
                        s.enabled() ? "next at " + SchedulesCommand.format(row.nextFireTime(), s.timeZone()) : "disabled");
            }
            stopped.await();
            return 0;
        } catch (ScheduleFileException e) {
            System.err.println("invalid schedule: " + e.getMessage());
            return SchedulesCommand.INVALID_SCHEDULE;
        }
    }
}
