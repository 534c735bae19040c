package io.finbatch.jobs.scheduling;

import io.finbatch.jobs.FinanceBatchApplication;
import io.finbatch.jobs.support.Examples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Quartz schedules from files on the application's database (H2 and PostgreSQL subclasses): firing, misfire
 * policies, refusal while a job runs, business-calendar skips, idempotent reconciliation, invalid files.
 */
@SpringBootTest(classes = FinanceBatchApplication.class)
abstract class SchedulingFunctionalTests {

    static Path schedulesDir;

    @Autowired
    Scheduler scheduler;

    @Autowired
    ScheduleSync sync;

    @Autowired
    ScheduleFiles files;

    @Autowired
    ScheduledRunner runner;

    @Autowired
    NightlyRun nightly;

    @Autowired
    JobRepository jobRepository;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path inbox;

    static void schedulingProperties(DynamicPropertyRegistry registry) {
        try {
            schedulesDir = Files.createTempDirectory("finbatch-schedules-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("finbatch.schedules.dir", schedulesDir::toString);
        // the misfire handler looks for missed firings every threshold: one second, not a minute, in tests
        registry.add("spring.quartz.properties.org.quartz.jobStore.misfireThreshold", () -> "1000");
    }

    @BeforeEach
    @AfterEach
    void noScheduleAndSchedulerInStandby() throws Exception {
        scheduler.standby();
        FileSystemUtils.deleteRecursively(schedulesDir);
        Files.createDirectories(schedulesDir.resolve("calendars"));
        sync.sync(List.of());
        scheduler.clear();
    }

    @Test
    void theApplicationContextDoesNotStartTheSchedulerAndNothingFiresInStandby() throws Exception {
        schedule("standby-now", "statementImport", "0 0 0 1 1 ? 2099", "UTC", null, "fire-once-now",
                "  inbox: " + inbox);
        assertThat(sync.sync()).extracting(ScheduleSync.SyncEntry::change).containsExactly(ScheduleSync.Change.ADDED);

        sync.fireNow("standby-now");
        Thread.sleep(1500);

        assertThat(scheduler.isInStandbyMode()).isTrue();
        assertThat(outcomes("standby-now")).isEmpty();
    }

    @Test
    void aScheduleFiredNowRunsItsJobOnce() throws Exception {
        Examples.copy(Examples.MT940, inbox);
        schedule("import-now", "statementImport", "0 0 0 1 1 ? 2099", "UTC", null, "fire-once-now",
                "  inbox: " + inbox);
        sync.sync();
        long before = executions("statementImport");

        sync.fireNow("import-now");
        scheduler.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> !outcomes("import-now").isEmpty());
        Thread.sleep(2000);
        assertThat(outcomes("import-now")).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(ScheduledRunner.Status.COMPLETED);
            assertThat(o.message()).contains(Examples.MT940 + " IMPORTED");
        });
        assertThat(executions("statementImport")).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM statement_file WHERE status = 'IMPORTED'"
                + " AND file_name LIKE ?", Long.class, "%" + Examples.MT940)).isEqualTo(1);
    }

    @Test
    void aCronEveryTwoSecondsFiresEachTimeOnceAndTheFileIsImportedOnce() throws Exception {
        Examples.copy(Examples.CAMT053, inbox);
        schedule("import-often", "statementImport", "*/2 * * * * ?", "UTC", null, "do-nothing", "  inbox: " + inbox);
        sync.sync();
        long before = executions("statementImport");

        scheduler.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> outcomes("import-often").size() >= 2);
        scheduler.standby();
        Thread.sleep(500);

        List<ScheduledRunner.Outcome> outcomes = outcomes("import-often");
        assertThat(outcomes).extracting(ScheduledRunner.Outcome::fireTime).doesNotHaveDuplicates();
        assertThat(outcomes.get(0).message()).contains("IMPORTED");
        assertThat(outcomes.get(1).message()).contains("ALREADY_IMPORTED");
        assertThat(executions("statementImport")).isEqualTo(before + outcomes.size());
    }

    @Test
    void aMissedFiringRunsOnceWithFireOnceNow() throws Exception {
        assertThat(missedFiring("fire-once-now")).hasSize(1);
    }

    @Test
    void aMissedFiringIsDroppedWithDoNothing() throws Exception {
        assertThat(missedFiring("do-nothing")).isEmpty();
        CronTrigger trigger = (CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey("missed-do-nothing", ScheduleSync.GROUP));
        assertThat(trigger.getNextFireTime().toInstant()).isAfter(Instant.now());
    }

    /** A daily schedule whose firing half an hour ago was missed (no scheduler ran); then a scheduler starts. */
    private List<ScheduledRunner.Outcome> missedFiring(String policy) throws Exception {
        String id = "missed-" + policy;
        Instant missed = Instant.now().minus(30, ChronoUnit.MINUTES);
        var at = missed.atZone(ZoneOffset.UTC);
        schedule(id, "statementImport", "0 " + at.getMinute() + " " + at.getHour() + " * * ?", "UTC", null,
                policy, "  inbox: " + inbox);
        sync.sync();
        Schedule schedule = files.load().get(0);
        scheduler.rescheduleJob(TriggerKey.triggerKey(id, ScheduleSync.GROUP),
                ScheduleSync.trigger(schedule, missed.minus(30, ChronoUnit.MINUTES)));

        scheduler.start();
        if (policy.equals("fire-once-now")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !outcomes(id).isEmpty());
        }
        Thread.sleep(3000);
        return outcomes(id);
    }

    @Test
    void aFiringWhileTheJobRunsIsRefusedAndLaunchesNothing() throws Exception {
        JobParameters parameters = new JobParametersBuilder().addString("period", "2026-10")
                .addLong("requestedAt", 1L).toJobParameters();
        JobInstance instance = jobRepository.createJobInstance("journalConsolidation", parameters);
        JobExecution running = jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
        running.setStatus(BatchStatus.STARTED);
        running.setStartTime(LocalDateTime.now());
        jobRepository.update(running);
        try {
            schedule("consolidate", "journalConsolidation", "0 0 0 1 1 ? 2099", "UTC", null, "fire-once-now",
                    "  period: 2026-10");
            sync.sync();
            long before = executions("journalConsolidation");

            sync.fireNow("consolidate");
            scheduler.start();

            await().atMost(Duration.ofSeconds(30)).until(() -> !outcomes("consolidate").isEmpty());
            assertThat(outcomes("consolidate")).singleElement().satisfies(o -> {
                assertThat(o.status()).isEqualTo(ScheduledRunner.Status.REFUSED);
                assertThat(o.message()).contains("journalConsolidation is already running")
                        .contains("execution " + running.getId());
            });
            assertThat(executions("journalConsolidation")).isEqualTo(before);
        } finally {
            running.setStatus(BatchStatus.FAILED);
            running.setEndTime(LocalDateTime.now());
            jobRepository.update(running);
        }
    }

    @Test
    void aFiringOnAHolidayOfItsCalendarIsSkipped() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Files.writeString(schedulesDir.resolve("calendars/XX.csv"), "date,name\n" + today + ",Test Day\n"
                + today.plusDays(1) + ",Test Day 2\n");
        schedule("holiday", "statementImport", "0 0 0 1 1 ? 2099", "UTC", "XX", "fire-once-now", "  inbox: " + inbox);
        sync.sync();
        long before = executions("statementImport");

        sync.fireNow("holiday");
        scheduler.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> !outcomes("holiday").isEmpty());
        assertThat(outcomes("holiday")).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(ScheduledRunner.Status.SKIPPED);
            assertThat(o.message()).contains("is not a business day in calendar XX");
        });
        assertThat(executions("statementImport")).isEqualTo(before);
    }

    @Test
    void editingAFileAndSyncingAgainAppliesTheChangeWithoutDuplicatingTriggers() throws Exception {
        Path file = schedule("daily", "statementImport", "0 0 5 * * ?", "Europe/Berlin", null, "do-nothing",
                "  inbox: " + inbox);
        assertThat(sync.sync()).extracting(ScheduleSync.SyncEntry::change).containsExactly(ScheduleSync.Change.ADDED);
        Instant next = scheduler.getTrigger(TriggerKey.triggerKey("daily", ScheduleSync.GROUP)).getNextFireTime()
                .toInstant();

        assertThat(sync.sync()).singleElement().satisfies(e -> {
            assertThat(e.change()).isEqualTo(ScheduleSync.Change.UNCHANGED);
            assertThat(e.nextFireTime()).isEqualTo(next);
        });
        assertThat(quartzRows()).containsExactly(1L, 1L, 1L);

        Files.writeString(file, Files.readString(file).replace("0 0 5 * * ?", "0 15 6 * * ?"));
        assertThat(sync.sync()).extracting(ScheduleSync.SyncEntry::change).containsExactly(ScheduleSync.Change.CHANGED);
        CronTrigger changed = (CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey("daily", ScheduleSync.GROUP));
        assertThat(changed.getCronExpression()).isEqualTo("0 15 6 * * ?");
        assertThat(quartzRows()).containsExactly(1L, 1L, 1L);
        assertThat(sync.status()).singleElement().satisfies(s -> assertThat(s.inSync()).isTrue());

        Files.writeString(file, Files.readString(file) + "enabled: false\n");
        assertThat(sync.sync()).extracting(ScheduleSync.SyncEntry::change)
                .containsExactly(ScheduleSync.Change.DISABLED);
        assertThat(quartzRows()).containsExactly(0L, 0L, 0L);

        Files.writeString(file, Files.readString(file).replace("enabled: false\n", ""));
        assertThat(sync.sync()).extracting(ScheduleSync.SyncEntry::change).containsExactly(ScheduleSync.Change.ADDED);
        Files.delete(file);
        assertThat(sync.sync()).extracting(ScheduleSync.SyncEntry::change).containsExactly(ScheduleSync.Change.REMOVED);
        assertThat(quartzRows()).containsExactly(0L, 0L, 0L);
    }

    @Test
    void anInvalidFileStopsTheSyncNamingFileFieldAndReasonAndChangesNothing() throws Exception {
        schedule("daily", "statementImport", "0 0 5 * * ?", "UTC", null, "do-nothing", "  inbox: " + inbox);
        sync.sync();
        Path broken = schedule("broken", "statementImport", "0 0 25 * * ?", "UTC", null, "do-nothing",
                "  inbox: " + inbox);

        assertThatThrownBy(() -> sync.sync()).isInstanceOfSatisfying(ScheduleFileException.class, e -> {
            assertThat(e.file()).isEqualTo(broken);
            assertThat(e.field()).isEqualTo("cron");
            assertThat(e.getMessage()).contains("broken.yml").contains("'cron'").contains("not a Quartz cron");
        });
        assertThat(scheduler.checkExists(JobKey.jobKey("daily", ScheduleSync.GROUP))).isTrue();
        assertThat(scheduler.checkExists(JobKey.jobKey("broken", ScheduleSync.GROUP))).isFalse();
    }

    @Test
    void theNightlyRunStopsAtTheFirstFailingStepAndSaysWhich() throws Exception {
        Files.writeString(inbox.resolve("garbage.mt940"), "this is not a bank statement\n");
        long postingsBefore = executions("odooPosting");

        NightlyRun.Result result = nightly.run(inbox, YearMonth.of(2026, 10), List.of("gl-detail"));

        assertThat(result.ok()).isFalse();
        assertThat(result.failedStep()).isEqualTo("import");
        assertThat(result.message()).contains("garbage.mt940");
        assertThat(result.steps()).extracting(NightlyRun.StepResult::step).containsExactly("import");
        assertThat(result.toString()).contains("stopped at step 'import'");
        assertThat(executions("odooPosting")).isEqualTo(postingsBefore);
    }

    private List<ScheduledRunner.Outcome> outcomes(String scheduleId) {
        return runner.recentOutcomes().stream().filter(o -> o.scheduleId().equals(scheduleId)).toList();
    }

    private long executions(String jobName) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i"
                + " ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = ?", Long.class, jobName);
    }

    private List<Long> quartzRows() {
        return List.of(
                jdbc.queryForObject("SELECT COUNT(*) FROM QRTZ_JOB_DETAILS WHERE JOB_GROUP = ?", Long.class,
                        ScheduleSync.GROUP),
                jdbc.queryForObject("SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_GROUP = ?", Long.class,
                        ScheduleSync.GROUP),
                jdbc.queryForObject("SELECT COUNT(*) FROM QRTZ_CRON_TRIGGERS WHERE TRIGGER_GROUP = ?", Long.class,
                        ScheduleSync.GROUP));
    }

    private static Path schedule(String id, String job, String cron, String zone, String calendar, String misfire,
            String parameters) throws IOException {
        String text = "id: " + id + "\njob: " + job + "\ncron: \"" + cron + "\"\ntime-zone: " + zone + "\n"
                + (calendar == null ? "" : "calendar: " + calendar + "\n") + "misfire: " + misfire + "\n"
                + "parameters:\n" + parameters + "\n";
        return Files.writeString(schedulesDir.resolve(id + ".yml"), text);
    }
}
