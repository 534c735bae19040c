package io.finbatch.jobs.scheduling;

import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reconciles the schedule files with Quartz's job store, idempotently: a new schedule is added, a changed one
 * replaced (its fingerprint differs), one removed from the files or disabled loses its job and trigger, an
 * unchanged one is left alone (its next fire time kept). Works on a scheduler in standby: {@code schedules
 * sync} changes the store without firing anything.
 */
@Component
public class ScheduleSync {

    public static final String GROUP = "finbatch-schedules";
    static final String SCHEDULE_ID = "scheduleId";
    static final String JOB = "job";
    static final String TIME_ZONE = "timeZone";
    static final String CALENDAR = "calendar";
    static final String FINGERPRINT = "fingerprint";
    static final String PARAMETER_PREFIX = "param.";

    private static final Logger log = LoggerFactory.getLogger(ScheduleSync.class);

    private final Scheduler scheduler;
    private final ScheduleFiles files;
    private final Clock clock;

    public ScheduleSync(Scheduler scheduler, ScheduleFiles files, Clock clock) {
        this.scheduler = scheduler;
        this.files = files;
        this.clock = clock;
    }

    public enum Change { ADDED, CHANGED, UNCHANGED, REMOVED, DISABLED }

    public record SyncEntry(String id, Change change, Instant nextFireTime) {
    }

    /** One row of {@code schedules}: the file's schedule and what Quartz holds for it. */
    public record ScheduleStatus(Schedule schedule, boolean inSync, Instant nextFireTime, Instant previousFireTime,
            String triggerState) {
    }

    /** Reads the files (all valid or nothing is changed) and reconciles Quartz with them. */
    public List<SyncEntry> sync() {
        return sync(files.load());
    }

    public synchronized List<SyncEntry> sync(List<Schedule> schedules) {
        try {
            List<SyncEntry> entries = new ArrayList<>();
            Set<JobKey> existing = new TreeSet<>(scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP)));
            for (Schedule schedule : schedules) {
                JobKey key = JobKey.jobKey(schedule.id(), GROUP);
                boolean present = existing.remove(key);
                if (!schedule.enabled()) {
                    if (present) {
                        scheduler.deleteJob(key);
                        log.info("schedule {} disabled: its trigger is removed", schedule.id());
                    }
                    entries.add(new SyncEntry(schedule.id(), Change.DISABLED, null));
                    continue;
                }
                Trigger current = scheduler.getTrigger(TriggerKey.triggerKey(schedule.id(), GROUP));
                if (present && current != null && schedule.fingerprint().equals(
                        scheduler.getJobDetail(key).getJobDataMap().getString(FINGERPRINT))) {
                    entries.add(new SyncEntry(schedule.id(), Change.UNCHANGED, instant(current.getNextFireTime())));
                    continue;
                }
                Trigger trigger = trigger(schedule, clock.instant());
                scheduler.scheduleJob(jobDetail(schedule), Set.of(trigger), true);
                Trigger stored = scheduler.getTrigger(trigger.getKey());
                Change change = present ? Change.CHANGED : Change.ADDED;
                log.info("schedule {} {}: {} '{}' {} next at {}", schedule.id(), change.name().toLowerCase(),
                        schedule.job().id(), schedule.cron(), schedule.timeZone(), stored.getNextFireTime());
                entries.add(new SyncEntry(schedule.id(), change, instant(stored.getNextFireTime())));
            }
            for (JobKey orphan : existing) {
                scheduler.deleteJob(orphan);
                log.info("schedule {} removed: its file is gone", orphan.getName());
                entries.add(new SyncEntry(orphan.getName(), Change.REMOVED, null));
            }
            return entries;
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot reconcile the schedules with Quartz: " + e.getMessage(), e);
        }
    }

    /** The schedules of the files with what Quartz holds for each (next fire time, state). */
    public List<ScheduleStatus> status() {
        try {
            List<ScheduleStatus> rows = new ArrayList<>();
            for (Schedule schedule : files.load()) {
                JobDetail detail = scheduler.getJobDetail(JobKey.jobKey(schedule.id(), GROUP));
                Trigger trigger = scheduler.getTrigger(TriggerKey.triggerKey(schedule.id(), GROUP));
                boolean inSync = schedule.enabled()
                        ? detail != null && trigger != null
                                && schedule.fingerprint().equals(detail.getJobDataMap().getString(FINGERPRINT))
                        : detail == null;
                rows.add(new ScheduleStatus(schedule, inSync, trigger == null ? null : instant(trigger.getNextFireTime()),
                        trigger == null ? null : instant(trigger.getPreviousFireTime()),
                        trigger == null ? null : scheduler.getTriggerState(trigger.getKey()).name()));
            }
            return rows;
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot read the schedules from Quartz: " + e.getMessage(), e);
        }
    }

    /** Fires a synced schedule now, once, besides its cron (the scheduler must be started to run it). */
    public void fireNow(String id) {
        try {
            JobKey key = JobKey.jobKey(id, GROUP);
            if (!scheduler.checkExists(key)) {
                throw new IllegalArgumentException("no schedule " + id + " in Quartz (not synced, or disabled)");
            }
            scheduler.triggerJob(key);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot fire schedule " + id + ": " + e.getMessage(), e);
        }
    }

    static JobDetail jobDetail(Schedule schedule) {
        Map<String, Object> data = new HashMap<>();
        data.put(SCHEDULE_ID, schedule.id());
        data.put(JOB, schedule.job().id());
        data.put(TIME_ZONE, schedule.timeZone().getId());
        if (schedule.calendar() != null) {
            data.put(CALENDAR, schedule.calendar());
        }
        data.put(FINGERPRINT, schedule.fingerprint());
        schedule.parameters().forEach((name, value) -> data.put(PARAMETER_PREFIX + name, value));
        return JobBuilder.newJob(QuartzBatchJob.class)
                .withIdentity(schedule.id(), GROUP)
                .withDescription(schedule.description() == null ? schedule.file().getFileName().toString()
                        : schedule.description())
                .storeDurably()
                .usingJobData(new JobDataMap(data))
                .build();
    }

    /** The schedule's cron trigger, its first firing the first cron time after {@code startAt}. */
    public static CronTrigger trigger(Schedule schedule, Instant startAt) {
        CronScheduleBuilder cron = CronScheduleBuilder.cronSchedule(schedule.cron())
                .inTimeZone(java.util.TimeZone.getTimeZone(schedule.timeZone()));
        cron = switch (schedule.misfire()) {
            case FIRE_ONCE_NOW -> cron.withMisfireHandlingInstructionFireAndProceed();
            case DO_NOTHING -> cron.withMisfireHandlingInstructionDoNothing();
        };
        return TriggerBuilder.newTrigger()
                .withIdentity(schedule.id(), GROUP)
                .forJob(schedule.id(), GROUP)
                .withDescription(schedule.job().id() + " " + schedule.cron() + " " + schedule.timeZone())
                .withSchedule(cron)
                .startAt(Date.from(startAt))
                .build();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
