package io.finbatch.jobs.extract;

import io.finbatch.jobs.events.EventOutbox;
import io.finbatch.jobs.events.EventTypes;
import io.finbatch.writers.extract.Digests;
import io.finbatch.writers.extract.ExtractArchive;
import io.finbatch.writers.extract.ExtractDefinition;
import io.finbatch.writers.extract.ExtractDefinitions;
import io.finbatch.writers.extract.ExtractFileRecord;
import io.finbatch.writers.extract.ExtractFilesWriter;
import io.finbatch.writers.extract.ExtractFormat;
import io.finbatch.writers.extract.ExtractManifest;
import io.finbatch.writers.extract.ExtractManifests;
import io.finbatch.writers.extract.ExtractParameters;
import io.finbatch.writers.extract.ExtractSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Once every file is complete: computes each file's SHA-256, writes its manifest beside it and records it in
 * {@code extract_file} with an {@code extract.published} event per file (in this step's transaction). An extract whose descriptor says {@code empty: fail}
 * and that found no row stops here, and nothing of it is kept.
 */
class ArchiveExtractTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ArchiveExtractTasklet.class);

    private final ExtractDefinitions definitions;
    private final ExtractArchive archive;
    private final Clock clock;
    private final EventOutbox events;

    ArchiveExtractTasklet(ExtractDefinitions definitions, ExtractArchive archive, Clock clock, EventOutbox events) {
        this.definitions = definitions;
        this.archive = archive;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobExecution execution = contribution.getStepExecution().getJobExecution();
        ExecutionContext job = execution.getExecutionContext();
        String name = execution.getJobParameters().getString("name");
        YearMonth period = YearMonth.parse(execution.getJobParameters().getString("period"));
        ExtractDefinition definition = definitions.load(name);
        if (!definition.sha256().equals(job.getString(ExtractJobConfiguration.DEFINITION_SHA256))) {
            throw new IllegalStateException(name + ": its definition changed while the extract ran; run it again");
        }
        Instant asOf = Instant.parse(job.getString(ExtractJobConfiguration.AS_OF));
        String cutoff = job.containsKey(ExtractJobConfiguration.CUTOFF) ? job.getString(ExtractJobConfiguration.CUTOFF)
                : null;
        int version = job.getInt(ExtractJobConfiguration.VERSION);
        Path directory = Path.of(job.getString(ExtractJobConfiguration.DIRECTORY));
        StepExecution written = execution.getStepExecutions().stream()
                .filter(s -> s.getStepName().equals(ExtractJobConfiguration.WRITE_STEP)).findFirst().orElseThrow();
        Map<String, String> parameters = ExtractParameters.display(definition, period, asOf);
        ExtractSummary summary = ExtractFilesWriter.saved(written.getExecutionContext(), definition, period.toString(),
                asOf, parameters);
        if (summary.rows() == 0 && definition.failWhenEmpty()) {
            throw new IllegalStateException(name + " " + period + " as of " + asOf + ": no rows"
                    + (definition.emptyHint() == null ? "" : " (" + definition.emptyHint() + ")"));
        }
        Map<String, String> totals = new LinkedHashMap<>();
        summary.controlTotals().forEach((column, sum) -> totals.put(column, sum.toPlainString()));
        Instant now = Instant.now(clock);
        Long executionId = execution.getId();
        for (ExtractFormat format : definition.formats()) {
            Path file = directory.resolve(definition.fileName(period.toString(), format));
            String sha256 = Digests.sha256(file);
            Path manifestFile = ExtractManifests.pathFor(file);
            ExtractManifests.write(manifestFile, new ExtractManifest(name, definition.kind(), definition.sha256(),
                    period.toString(), cutoff, asOf.toString(), parameters, version, format.extension(),
                    file.getFileName().toString(), now.toString(), executionId, summary.rows(), totals, sha256));
            archive.record(new ExtractFileRecord(name, definition.kind(), period.toString(), version,
                    format.extension(), file.toString(), manifestFile.toString(), sha256, definition.sha256(),
                    summary.rows(), ExtractManifests.json(totals), asOf, executionId, now));
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("name", name);
            facts.put("kind", definition.kind());
            facts.put("period", period.toString());
            facts.put("asOf", asOf.toString());
            facts.put("version", version);
            facts.put("format", format.extension());
            facts.put("fileName", file.getFileName().toString());
            facts.put("sha256", sha256);
            facts.put("rows", summary.rows());
            facts.put("controlTotals", totals);
            facts.put("executionId", executionId);
            events.publish(EventTypes.EXTRACT_PUBLISHED, facts);
            contribution.incrementWriteCount(1);
        }
        log.info("extract {} {} as of {}: version {}, {} rows, control totals {}, in {}", name, period, asOf, version,
                summary.rows(), totals, directory);
        return RepeatStatus.FINISHED;
    }
}
