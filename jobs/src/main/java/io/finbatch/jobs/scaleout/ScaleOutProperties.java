package io.finbatch.jobs.scaleout;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Locale;

/**
 * {@code finbatch.mode} and {@code finbatch.partitions.*}: how a partitioned import spreads its files.
 * {@code standalone} (default): on this node's threads. {@code manager}: partition requests go over RabbitMQ to
 * the workers, and the manager polls the shared job repository until every partition has ended.
 * {@code worker}: this node takes partition requests from RabbitMQ and runs them against the shared database.
 *
 * @param threads      standalone: how many files are imported at once
 * @param queue        the RabbitMQ queue of partition requests
 * @param pollInterval manager: how often the job repository is read for the partitions' status
 * @param timeout      manager: how long a partitioned step waits for its partitions before it fails
 * @param workerThreads worker: how many partitions this node runs at once
 */
@ConfigurationProperties("finbatch")
public record ScaleOutProperties(String mode, Partitions partitions) {

    public enum Mode { STANDALONE, MANAGER, WORKER }

    public record Partitions(Integer threads, String queue, Duration pollInterval, Duration timeout,
            Integer workerThreads) {

        public Partitions {
            threads = threads == null ? 2 : threads;
            queue = queue == null || queue.isBlank() ? "finbatch.partitions" : queue;
            pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
            timeout = timeout == null ? Duration.ofHours(2) : timeout;
            workerThreads = workerThreads == null ? 1 : workerThreads;
        }
    }

    public ScaleOutProperties {
        partitions = partitions == null ? new Partitions(null, null, null, null, null) : partitions;
    }

    public Mode modeValue() {
        return mode == null || mode.isBlank() ? Mode.STANDALONE : Mode.valueOf(mode.trim().toUpperCase(Locale.ROOT));
    }
}
