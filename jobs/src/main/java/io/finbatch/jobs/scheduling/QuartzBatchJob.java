package io.finbatch.jobs.scheduling;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Quartz job of every schedule: hands the firing to {@link ScheduledRunner}. Never two at once for one
 * schedule, across the cluster ({@code @DisallowConcurrentExecution} on the clustered JDBC store); never
 * re-fired by Quartz on failure (the refusal or failure is logged, the next firing comes from the cron).
 */
@DisallowConcurrentExecution
public class QuartzBatchJob implements Job {

    private final ScheduledRunner runner;

    public QuartzBatchJob(ScheduledRunner runner) {
        this.runner = runner;
    }

    @Override
    public void execute(JobExecutionContext context) {
        JobDataMap data = context.getMergedJobDataMap();
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String key : data.getKeys()) {
            if (key.startsWith(ScheduleSync.PARAMETER_PREFIX)) {
                parameters.put(key.substring(ScheduleSync.PARAMETER_PREFIX.length()), data.getString(key));
            }
        }
        Instant fireTime = (context.getScheduledFireTime() != null ? context.getScheduledFireTime()
                : context.getFireTime()).toInstant();
        runner.fire(new ScheduledRunner.Firing(data.getString(ScheduleSync.SCHEDULE_ID),
                ScheduledJob.of(data.getString(ScheduleSync.JOB)).orElseThrow(),
                ZoneId.of(data.getString(ScheduleSync.TIME_ZONE)),
                data.containsKey(ScheduleSync.CALENDAR) ? data.getString(ScheduleSync.CALENDAR) : null,
                parameters, fireTime));
    }
}
