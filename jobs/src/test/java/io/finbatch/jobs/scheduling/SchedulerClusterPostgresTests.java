package io.finbatch.jobs.scheduling;

import io.finbatch.jobs.support.OnPostgres;
import io.finbatch.jobs.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two clustered Quartz schedulers (two {@code StdSchedulerFactory}, instance ids node-a and node-b) on one
 * PostgreSQL database whose Quartz tables come from the Flyway migration: each firing runs on one node only.
 */
@OnPostgres
class SchedulerClusterPostgresTests {

    static final ConcurrentLinkedQueue<String> FIRINGS = new ConcurrentLinkedQueue<>();

    public static class RecordingJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            try {
                FIRINGS.add(context.getTrigger().getKey().getName() + "@" + context.getScheduledFireTime().getTime()
                        + " on " + context.getScheduler().getSchedulerInstanceId());
            } catch (SchedulerException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    final List<Scheduler> schedulers = new ArrayList<>();
    String url;

    @BeforeEach
    void twoNodesOnOneDatabase() throws Exception {
        FIRINGS.clear();
        url = TestDatabases.createPostgresDatabase();
        try (InputStream in = getClass().getResourceAsStream("/db/migration/postgresql/V9__quartz.sql");
                Connection c = DriverManager.getConnection(url, TestDatabases.PG_USER, "");
                Statement sql = c.createStatement()) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            for (String statement : script.split(";")) {
                if (!statement.isBlank()) {
                    sql.execute(statement);
                }
            }
        }
        schedulers.add(node("node-a"));
        schedulers.add(node("node-b"));
    }

    @AfterEach
    void shutdown() throws SchedulerException {
        for (Scheduler s : schedulers) {
            s.shutdown(true);
        }
    }

    Scheduler node(String instanceId) throws SchedulerException, IOException {
        Properties p = new Properties();
        p.put("org.quartz.scheduler.instanceName", "finance-batch");
        p.put("org.quartz.scheduler.instanceId", instanceId);
        p.put("org.quartz.threadPool.threadCount", "2");
        p.put("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.put("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.put("org.quartz.jobStore.isClustered", "true");
        // as in application.yml: without it two nodes can both acquire a trigger read before the other fired it
        p.put("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        p.put("org.quartz.jobStore.clusterCheckinInterval", "1000");
        p.put("org.quartz.jobStore.misfireThreshold", "1000");
        p.put("org.quartz.jobStore.dataSource", "db");
        p.put("org.quartz.dataSource.db.provider", "hikaricp");
        p.put("org.quartz.dataSource.db.driver", "org.postgresql.Driver");
        p.put("org.quartz.dataSource.db.URL", url);
        p.put("org.quartz.dataSource.db.user", TestDatabases.PG_USER);
        p.put("org.quartz.dataSource.db.password", "");
        p.put("org.quartz.dataSource.db.maxConnections", "4");
        Scheduler scheduler = new StdSchedulerFactory(p).getScheduler();
        // both nodes share the scheduler name: keep the second factory from handing back the first instance
        SchedulerRepository.getInstance().remove("finance-batch");
        return scheduler;
    }

    @Test
    void aTriggerSetToFireNowFiresOnceAcrossTwoNodes() throws Exception {
        for (Scheduler s : schedulers) {
            s.start();
        }
        JobDetail job = JobBuilder.newJob(RecordingJob.class).withIdentity("now", "test").build();
        schedulers.get(0).scheduleJob(job, TriggerBuilder.newTrigger().withIdentity("now", "test")
                .startAt(Date.from(Instant.now().plusMillis(500))).build());

        await().atMost(Duration.ofSeconds(20)).until(() -> !FIRINGS.isEmpty());
        Thread.sleep(3000);

        assertThat(FIRINGS).hasSize(1);
    }

    @Test
    void aCronTriggerFiresEachTimeOnceAcrossTwoNodes() throws Exception {
        JobDetail job = JobBuilder.newJob(RecordingJob.class).withIdentity("every-second", "test").build();
        schedulers.get(1).scheduleJob(job, TriggerBuilder.newTrigger().withIdentity("every-second", "test")
                .withSchedule(CronScheduleBuilder.cronSchedule("* * * * * ?")).build());
        for (Scheduler s : schedulers) {
            s.start();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> FIRINGS.size() >= 5);
        schedulers.get(0).pauseAll();
        Thread.sleep(1500);

        List<String> fireTimes = FIRINGS.stream().map(f -> f.substring(0, f.indexOf(" on "))).toList();
        assertThat(fireTimes).doesNotHaveDuplicates();
        assertThat(schedulers.get(0).getSchedulerInstanceId()).isEqualTo("node-a");
        assertThat(schedulers.get(1).getSchedulerInstanceId()).isEqualTo("node-b");
    }
}
