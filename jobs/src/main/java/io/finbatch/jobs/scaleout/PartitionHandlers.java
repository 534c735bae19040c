package io.finbatch.jobs.scaleout;

import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.integration.core.MessagingTemplate;

/**
 * Where the partitions of a partitioned step run, by {@code finbatch.mode}: standalone (and worker) on this
 * node's threads; manager on the worker nodes, requests sent over RabbitMQ and progress read from the shared
 * job repository (no reply queue to lose).
 */
public final class PartitionHandlers {

    private PartitionHandlers() {
    }

    public static PartitionHandler of(Step workerStep, ScaleOutProperties properties, JobRepository jobRepository,
            ObjectProvider<MessagingTemplate> partitionRequests) throws Exception {
        if (properties.modeValue() == ScaleOutProperties.Mode.MANAGER) {
            MessageChannelPartitionHandler handler = new MessageChannelPartitionHandler();
            handler.setStepName(workerStep.getName());
            handler.setGridSize(1);
            handler.setMessagingOperations(partitionRequests.getObject());
            handler.setJobRepository(jobRepository);
            handler.setPollInterval(properties.partitions().pollInterval().toMillis());
            handler.setTimeout(properties.partitions().timeout().toMillis());
            handler.afterPropertiesSet();
            return handler;
        }
        TaskExecutorPartitionHandler handler = new TaskExecutorPartitionHandler();
        handler.setStep(workerStep);
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("partition-");
        threads.setConcurrencyLimit(Math.max(1, properties.partitions().threads()));
        handler.setTaskExecutor(threads);
        handler.setGridSize(properties.partitions().threads());
        return handler;
    }
}
