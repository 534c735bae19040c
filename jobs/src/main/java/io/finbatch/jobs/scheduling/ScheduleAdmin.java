package io.finbatch.jobs.scheduling;

import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The schedules as the console and the API show them, and the ADMIN's actions on them: pause and resume a
 * schedule's trigger in Quartz (the file stays as reviewed; a paused trigger stays paused across restarts of
 * {@code serve}) and run a schedule now, once.
 */
@Component
public class ScheduleAdmin {

    public record ScheduleView(String id, String job, String cron, String timeZone, String calendar, boolean enabled,
            String description, String file, boolean inSync, String state, Instant nextFireTime,
            Instant previousFireTime) {

        public boolean paused() {
            return "PAUSED".equals(state);
        }
    }

    private final ScheduleSync sync;
    private final Scheduler scheduler;

    public ScheduleAdmin(ScheduleSync sync, Scheduler scheduler) {
        this.sync = sync;
        this.scheduler = scheduler;
    }

    /** Every schedule of the files, the next to fire first (disabled and unsynced ones last). */
    public List<ScheduleView> schedules() {
        return sync.status().stream()
                .map(s -> new ScheduleView(s.schedule().id(), s.schedule().job().id(), s.schedule().cron(),
                        s.schedule().timeZone().getId(), s.schedule().calendar(), s.schedule().enabled(),
                        s.schedule().description(), s.schedule().file().getFileName().toString(), s.inSync(),
                        s.triggerState(), s.nextFireTime(), s.previousFireTime()))
                .sorted(Comparator.comparing(ScheduleView::nextFireTime, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(ScheduleView::id))
                .toList();
    }

    public ScheduleView pause(String id) {
        try {
            scheduler.pauseJob(existing(id));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot pause schedule " + id + ": " + e.getMessage(), e);
        }
        return view(id);
    }

    public ScheduleView resume(String id) {
        try {
            scheduler.resumeJob(existing(id));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot resume schedule " + id + ": " + e.getMessage(), e);
        }
        return view(id);
    }

    /** Fires the schedule once now; the job runs on the scheduler's threads (of whichever node takes it). */
    public ScheduleView runNow(String id) {
        existing(id);
        sync.fireNow(id);
        return view(id);
    }

    private JobKey existing(String id) {
        JobKey key = JobKey.jobKey(id, ScheduleSync.GROUP);
        try {
            if (!scheduler.checkExists(key)) {
                boolean inFiles = sync.status().stream().anyMatch(s -> s.schedule().id().equals(id));
                if (!inFiles) {
                    throw new NoSuchElementException("no schedule " + id);
                }
                throw new IllegalStateException("schedule " + id + " is not in Quartz (disabled, or not synced yet:"
                        + " run 'schedules sync' or 'serve')");
            }
            return key;
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot read schedule " + id + ": " + e.getMessage(), e);
        }
    }

    private ScheduleView view(String id) {
        return schedules().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no schedule " + id));
    }
}
