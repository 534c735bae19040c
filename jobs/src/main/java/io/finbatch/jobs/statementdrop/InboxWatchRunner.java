package io.finbatch.jobs.statementdrop;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Polls the watched folder in {@code serve}, when {@code finbatch.drop.watch.enabled} is true (off by default). */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "finbatch.drop.watch.enabled", havingValue = "true")
class InboxWatchRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxWatchRunner.class);

    private final InboxWatcher watcher;
    private final DropProperties properties;
    private volatile ScheduledExecutorService timer;

    InboxWatchRunner(InboxWatcher watcher, DropProperties properties) {
        this.watcher = watcher;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        long every = properties.watch().pollInterval().toMillis();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "inbox-watcher");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::pollQuietly, every, every, TimeUnit.MILLISECONDS);
        log.info("watching {} every {} ms ({})", watcher.dir().toAbsolutePath(), every, properties.watch().ready());
    }

    private void pollQuietly() {
        try {
            watcher.poll();
        } catch (RuntimeException e) {
            log.warn("watched folder poll failed: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
