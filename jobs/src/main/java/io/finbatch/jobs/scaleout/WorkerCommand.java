package io.finbatch.jobs.scaleout;

import io.finbatch.jobs.cli.SpringContexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code worker}: runs partitions sent by a manager over RabbitMQ until stopped (SIGTERM / Ctrl-C: the running
 * partition is finished first). Same database as the manager; {@code finbatch.mode=worker} is implied.
 */
@Command(name = "worker", description = "Run partitions of a manager's partitioned jobs (RabbitMQ) until stopped.")
public class WorkerCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(WorkerCommand.class);

    @Override
    public Integer call() throws InterruptedException {
        System.setProperty("finbatch.mode", "worker");
        try (ConfigurableApplicationContext context = SpringContexts.start()) {
            CountDownLatch stopped = new CountDownLatch(1);
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent) {
                    stopped.countDown();
                }
            });
            ScaleOutProperties properties = context.getBean(ScaleOutProperties.class);
            log.info("worker ready: taking partition requests from queue {} with {} thread(s)",
                    properties.partitions().queue(), properties.partitions().workerThreads());
            stopped.await();
            return 0;
        }
    }
}
