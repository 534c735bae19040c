package io.finbatch.jobs.scaleout;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.partition.BeanFactoryStepLocator;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.integration.dsl.IntegrationFlow;

/**
 * Partition requests over RabbitMQ. The manager sends each {@link StepExecutionRequest} (step name and step
 * execution id, as JSON: never Java serialization) to the queue {@code finbatch.partitions.queue}; a worker takes
 * one request at a time (prefetch 1, so a node that dies holds at most one unacknowledged request per thread,
 * which RabbitMQ then gives to another worker), runs the step against the shared job repository, and
 * acknowledges it afterwards. A request whose step cannot run is dropped, not requeued forever: its step
 * execution says why, and the manager sees it.
 */
@Configuration(proxyBeanMethods = false)
@EnableIntegration
@ConditionalOnExpression("'${finbatch.mode:standalone}'.toLowerCase() matches 'manager|worker'")
public class RemotePartitioningConfiguration {

    @Bean
    Queue partitionRequestQueue(ScaleOutProperties properties) {
        return new Queue(properties.partitions().queue(), true);
    }

    @Bean
    DirectChannel partitionRequestChannel() {
        return new DirectChannel();
    }

    @Bean
    MessagingTemplate partitionRequests(DirectChannel partitionRequestChannel) {
        MessagingTemplate template = new MessagingTemplate();
        template.setDefaultChannel(partitionRequestChannel);
        return template;
    }

    @Bean
    @ConditionalOnExpression("'${finbatch.mode:standalone}'.toLowerCase() == 'manager'")
    IntegrationFlow partitionRequestsToRabbit(DirectChannel partitionRequestChannel, RabbitTemplate rabbit,
            ScaleOutProperties properties) {
        return IntegrationFlow.from(partitionRequestChannel)
                .transform(StepExecutionRequest.class, PartitionRequestJson::write)
                .handle(Amqp.outboundAdapter(rabbit).routingKey(properties.partitions().queue()))
                .get();
    }

    @Bean
    @ConditionalOnExpression("'${finbatch.mode:standalone}'.toLowerCase() == 'worker'")
    IntegrationFlow partitionRequestsFromRabbit(ConnectionFactory connections, ScaleOutProperties properties,
            JobRepository jobRepository, BeanFactory beans) {
        BeanFactoryStepLocator steps = new BeanFactoryStepLocator();
        steps.setBeanFactory(beans);
        StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
        handler.setJobRepository(jobRepository);
        handler.setStepLocator(steps);
        return IntegrationFlow.from(Amqp.inboundAdapter(connections, properties.partitions().queue())
                        .configureContainer(c -> c.prefetchCount(1)
                                .concurrentConsumers(properties.partitions().workerThreads())
                                .acknowledgeMode(AcknowledgeMode.AUTO)
                                .defaultRequeueRejected(false)))
                .transform(String.class, PartitionRequestJson::read)
                .handle(StepExecutionRequest.class, (request, headers) -> handler.handle(request))
                .nullChannel();
    }
}
