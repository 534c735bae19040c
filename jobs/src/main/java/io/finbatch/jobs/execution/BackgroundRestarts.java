package io.finbatch.jobs.execution;

import io.finbatch.jobs.execution.ExecutionViews.ActionResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Restarts asked for through the console or the API run on a few threads of their own, so a long import does
 * not hold the request: the answer waits up to {@code finbatch.web.restart-wait} (10 s) for the run to end and
 * otherwise names the new execution, still running, whose page shows its live progress. At most
 * {@code finbatch.web.restart-threads} (4) run at once; more are refused rather than queued unseen.
 */
@Component
public class BackgroundRestarts implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BackgroundRestarts.class);

    private final ExecutionActions actions;
    private final ExecutionBrowser executions;
    private final JdbcTemplate jdbc;
    private final Duration wait;
    private final ThreadPoolExecutor threads;

    public BackgroundRestarts(ExecutionActions actions, ExecutionBrowser executions, JdbcTemplate jdbc,
            @Value("${finbatch.web.restart-wait:10s}") Duration wait,
            @Value("${finbatch.web.restart-threads:4}") int threads) {
        this.actions = actions;
        this.executions = executions;
        this.jdbc = jdbc;
        this.wait = wait;
        this.threads = new ThreadPoolExecutor(1, Math.max(1, threads), 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> {
                    Thread t = new Thread(r, "restart");
                    t.setDaemon(false);
                    return t;
                });
    }

    public ActionResult restart(long id) {
        long instance = executions.find(id).getJobInstance().getId();
        Future<ActionResult> run;
        try {
            run = threads.submit(() -> actions.restart(id));
        } catch (RejectedExecutionException busy) {
            throw new IllegalStateException(threads.getMaximumPoolSize() + " restarts are running already; try again"
                    + " when one has ended");
        }
        try {
            return run.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
            Long newest = jdbc.queryForObject("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION"
                    + " WHERE JOB_INSTANCE_ID = ?", Long.class, instance);
            Long started = newest != null && newest > id ? newest : null;
            return new ActionResult(id, "restart", "STARTED", started, "still running: follow its progress");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restarting execution " + id, e);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        threads.shutdown();
        if (!threads.awaitTermination(30, TimeUnit.SECONDS)) {
            log.warn("restarts still running at shutdown; their executions stay STARTED and can be recovered");
        }
    }
}
