package io.finbatch.jobs.odoojournal;

import io.finbatch.jobs.odooposting.OdooConnection;
import io.finbatch.writers.journal.JournalLineStore;
import io.finbatch.writers.periods.FiscalPeriodRepository;
import io.finbatch.writers.staging.ImportExceptionRecorder;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;

/**
 * Job {@code odooJournalImport(entity, requestedAt)}: the entity's posted Odoo journal items written since the
 * watermark into the journal-line store, one page per transaction (watermark included), so a failed run
 * resumes where the last committed page ended.
 */
@Configuration(proxyBeanMethods = false)
public class OdooJournalImportJobConfiguration {

    public static final String JOB_NAME = "odooJournalImport";
    static final String STEP_NAME = "importOdooJournalItems";

    @Bean
    OdooWatermark odooWatermark(JdbcTemplate jdbc, Clock clock) {
        return new OdooWatermark(jdbc, clock);
    }

    @Bean
    Job odooJournalImportJob(JobRepository jobRepository, Step importOdooJournalItems) {
        return new JobBuilder(JOB_NAME, jobRepository).start(importOdooJournalItems).build();
    }

    @Bean
    Step importOdooJournalItems(JobRepository jobRepository, PlatformTransactionManager tx,
            OdooJournalImportTasklet odooJournalImportTasklet) {
        return new StepBuilder(STEP_NAME, jobRepository).tasklet(odooJournalImportTasklet, tx).build();
    }

    @Bean
    @StepScope
    OdooJournalImportTasklet odooJournalImportTasklet(@Value("#{jobParameters['entity']}") String entity,
            OdooLedgerProperties properties, OdooConnection odoo, OdooWatermark watermarks, JournalLineStore store,
            FiscalPeriodRepository periods, ImportExceptionRecorder exceptions, JdbcTemplate jdbc) {
        long company = properties.companyOf(entity);
        return new OdooJournalImportTasklet(entity, company,
                new OdooJournalItemPages(odoo.client(), company, properties.pageSize(), properties.overlap()),
                new OdooJournalItemMapper(odoo.client(), entity), watermarks, store, periods, exceptions, jdbc);
    }
}
