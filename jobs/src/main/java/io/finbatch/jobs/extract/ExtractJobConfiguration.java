package io.finbatch.jobs.extract;

import io.finbatch.jobs.config.FinBatchProperties;
import io.finbatch.jobs.events.EventOutbox;
import io.finbatch.writers.extract.ExtractArchive;
import io.finbatch.writers.extract.ExtractDefinition;
import io.finbatch.writers.extract.ExtractDefinitions;
import io.finbatch.writers.extract.ExtractFilesWriter;
import io.finbatch.writers.extract.ExtractParameters;
import io.finbatch.writers.extract.ExtractQuery;
import io.finbatch.writers.extract.ExtractRow;
import io.finbatch.writers.periods.FiscalPeriodRepository;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;

/**
 * Job {@code extract(name, period[, asOf])}: a reviewed extract definition ({@code sql/extracts/<name>.sql}
 * and {@code .yml}) of a period as of the GROUP period's cut-off →
 * <ol>
 * <li>{@code prepareExtract}: loads the definition, resolves the as-of instant, claims the folder of the next
 *     version ({@code <finbatch.extracts.dir>/<period>/<name>/<version>/});</li>
 * <li>{@code writeExtractFiles}: streams the query through a JDBC cursor into every format at once (CSV,
 *     XLSX), counting rows and control totals;</li>
 * <li>{@code archiveExtract}: writes each file's manifest (SHA-256, parameters, control totals) and records
 *     the files in {@code extract_file}.</li>
 * </ol>
 * Not restartable: a failed run leaves no files (its folder is removed) and a new run makes a new version.
 */
@Configuration(proxyBeanMethods = false)
public class ExtractJobConfiguration {

    public static final String JOB_NAME = "extract";
    static final String AS_OF = "extract.asOf";
    static final String CUTOFF = "extract.cutoff";
    static final String VERSION = "extract.version";
    static final String DIRECTORY = "extract.directory";
    static final String DEFINITION_SHA256 = "extract.definitionSha256";
    static final String WRITE_STEP = "writeExtractFiles";

    @Bean
    ExtractDefinitions extractDefinitions(ResourceLoader resources, ExtractProperties properties) {
        return new ExtractDefinitions(resources, properties.definitions());
    }

    @Bean
    ExtractArchive extractArchive(JdbcTemplate jdbc, ExtractProperties properties) {
        return new ExtractArchive(jdbc, properties.dir());
    }

    @Bean
    Job extractJob(JobRepository jobRepository, Step prepareExtract, Step writeExtractFiles, Step archiveExtract,
            JdbcTemplate jdbc) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .preventRestart()
                .listener(new DiscardIncompleteExtract(jdbc))
                .start(prepareExtract)
                .next(writeExtractFiles)
                .next(archiveExtract)
                .build();
    }

    @Bean
    Step prepareExtract(JobRepository jobRepository, PlatformTransactionManager tx, ExtractDefinitions definitions,
            FiscalPeriodRepository periods, ExtractArchive archive) {
        return new StepBuilder("prepareExtract", jobRepository)
                .tasklet(new PrepareExtractTasklet(definitions, periods, archive), tx)
                .build();
    }

    @Bean
    Step writeExtractFiles(JobRepository jobRepository, PlatformTransactionManager tx, FinBatchProperties properties,
            ItemStreamReader<ExtractRow> extractReader, ExtractFilesWriter extractFilesWriter) {
        return new StepBuilder(WRITE_STEP, jobRepository)
                .<ExtractRow, ExtractRow>chunk(properties.chunkSize())
                .transactionManager(tx)
                .reader(extractReader)
                .writer(extractFilesWriter)
                .build();
    }

    @Bean
    Step archiveExtract(JobRepository jobRepository, PlatformTransactionManager tx, ExtractDefinitions definitions,
            ExtractArchive archive, Clock clock, EventOutbox events) {
        return new StepBuilder("archiveExtract", jobRepository)
                .tasklet(new ArchiveExtractTasklet(definitions, archive, clock, events), tx)
                .build();
    }

    @Bean
    @StepScope
    ItemStreamReader<ExtractRow> extractReader(DataSource dataSource, ExtractDefinitions definitions,
            FinBatchProperties properties, @Value("#{jobParameters['name']}") String name,
            @Value("#{jobParameters['period']}") String period,
            @Value("#{jobExecutionContext['" + AS_OF + "']}") String asOf) {
        ExtractDefinition definition = definitions.load(name);
        return ExtractQuery.reader(dataSource, definition,
                ExtractParameters.values(definition, YearMonth.parse(period), Instant.parse(asOf)),
                properties.chunkSize());
    }

    @Bean
    @StepScope
    ExtractFilesWriter extractFilesWriter(ExtractDefinitions definitions, ExtractProperties properties,
            @Value("#{jobParameters['name']}") String name, @Value("#{jobParameters['period']}") String period,
            @Value("#{jobExecutionContext['" + AS_OF + "']}") String asOf,
            @Value("#{jobExecutionContext['" + DIRECTORY + "']}") String directory) {
        ExtractDefinition definition = definitions.load(name);
        Instant instant = Instant.parse(asOf);
        return new ExtractFilesWriter(definition, Path.of(directory), period, instant,
                ExtractParameters.display(definition, YearMonth.parse(period), instant), properties.xlsxWindow());
    }
}
