package io.finbatch.jobs.consolidation;

import io.finbatch.jobs.config.GroupProperties;
import io.finbatch.writers.consolidation.ConsolidationStore;
import io.finbatch.writers.periods.FiscalPeriodRepository;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;

/**
 * Job {@code journalConsolidation(period)}: maps each entity's journal lines to the group chart (every local
 * account must map, or the job stops naming all unmapped ones), translates them to the group currency,
 * eliminates intercompany balances, and writes the consolidated trial balance with its lineage.
 */
@Configuration(proxyBeanMethods = false)
public class JournalConsolidationJobConfiguration {

    public static final String JOB_NAME = "journalConsolidation";

    @Bean
    ConsolidationStore consolidationStore(JdbcTemplate jdbc, Clock clock) {
        return new ConsolidationStore(jdbc, clock);
    }

    @Bean
    Job journalConsolidationJob(JobRepository jobRepository, Step consolidatePeriod) {
        return new JobBuilder(JOB_NAME, jobRepository).start(consolidatePeriod).build();
    }

    @Bean
    Step consolidatePeriod(JobRepository jobRepository, PlatformTransactionManager tx, JdbcTemplate jdbc,
            GroupProperties group, FiscalPeriodRepository periods, ConsolidationStore store, Clock clock) {
        return new StepBuilder("consolidatePeriod", jobRepository)
                .tasklet(new ConsolidatePeriodTasklet(jdbc, group, periods, store, clock), tx)
                .build();
    }
}
