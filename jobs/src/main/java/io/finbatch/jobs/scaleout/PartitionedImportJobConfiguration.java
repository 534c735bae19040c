package io.finbatch.jobs.scaleout;

import io.finbatch.jobs.statementimport.StatementImportService;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;

import java.nio.file.Path;

/**
 * {@code partitionedImport(inbox)}: the files of an inbox imported in partitions, one per file, with Spring
 * Batch's partitioning: on this node's threads ({@code finbatch.mode=standalone}), or sent to worker nodes over
 * RabbitMQ ({@code manager}, see {@link RemotePartitioningConfiguration}). The worker step
 * {@value #WORKER_STEP} is the same in both.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScaleOutProperties.class)
public class PartitionedImportJobConfiguration {

    public static final String JOB_NAME = "partitionedImport";
    public static final String WORKER_STEP = "importOneFile";

    @Bean
    Job partitionedImportJob(JobRepository jobRepository, Step importInbox) {
        return new JobBuilder(JOB_NAME, jobRepository).start(importInbox).build();
    }

    @Bean
    Step importInbox(JobRepository jobRepository, Partitioner inboxPartitioner, PartitionHandler importPartitions) {
        return new StepBuilder("importInbox", jobRepository)
                .partitioner(WORKER_STEP, inboxPartitioner)
                .partitionHandler(importPartitions)
                .build();
    }

    @Bean
    @StepScope
    Partitioner inboxPartitioner(@Value("#{jobParameters['inbox']}") String inbox) {
        return new InboxPartitioner(Path.of(inbox));
    }

    @Bean(WORKER_STEP)
    Step importOneFile(JobRepository jobRepository, PlatformTransactionManager tx, StatementImportService imports,
            UnfinishedImports unfinished) {
        // the file's import is a job execution of its own, which is not launched inside a transaction
        DefaultTransactionAttribute noTransaction = new DefaultTransactionAttribute(
                TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        return new StepBuilder(WORKER_STEP, jobRepository)
                .tasklet(new ImportOneFileTasklet(imports, unfinished), tx)
                .transactionAttribute(noTransaction)
                .build();
    }

    @Bean
    PartitionHandler importPartitions(Step importOneFile, ScaleOutProperties properties, JobRepository jobRepository,
            ObjectProvider<MessagingTemplate> partitionRequests) throws Exception {
        return PartitionHandlers.of(importOneFile, properties, jobRepository, partitionRequests);
    }
}
