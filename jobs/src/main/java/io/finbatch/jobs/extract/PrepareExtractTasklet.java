package io.finbatch.jobs.extract;

import io.finbatch.writers.extract.ExtractArchive;
import io.finbatch.writers.extract.ExtractDefinition;
import io.finbatch.writers.extract.ExtractDefinitions;
import io.finbatch.writers.periods.FiscalPeriod;
import io.finbatch.writers.periods.FiscalPeriodRepository;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.core.step.tasklet.Tasklet;

import java.time.Instant;
import java.time.YearMonth;

/**
 * Loads and checks the definition, decides the as-of instant (the {@code asOf} parameter, else the GROUP
 * period's cut-off; an extract of a period without a cut-off has no defined figures and is refused) and claims
 * the folder of the next version.
 */
class PrepareExtractTasklet implements Tasklet {

    private final ExtractDefinitions definitions;
    private final FiscalPeriodRepository periods;
    private final ExtractArchive archive;

    PrepareExtractTasklet(ExtractDefinitions definitions, FiscalPeriodRepository periods, ExtractArchive archive) {
        this.definitions = definitions;
        this.periods = periods;
        this.archive = archive;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobParameters parameters = contribution.getStepExecution().getJobParameters();
        String name = parameters.getString("name");
        YearMonth period = YearMonth.parse(parameters.getString("period"));
        ExtractDefinition definition = definitions.load(name);
        Instant cutoff = periods.find("GROUP", period).map(FiscalPeriod::cutoffAt).orElse(null);
        String asked = parameters.getString("asOf");
        Instant asOf = asked != null ? Instant.parse(asked) : cutoff;
        if (asOf == null) {
            throw new IllegalStateException("the GROUP period " + period + " has no cut-off, so its figures are not"
                    + " defined: set one (period cutoff GROUP " + period + " --at INSTANT --by WHO) or give --as-of");
        }
        ExtractArchive.Slot slot = archive.claimNextVersion(name, period.toString());
        ExecutionContext job = contribution.getStepExecution().getJobExecution().getExecutionContext();
        job.putString(ExtractJobConfiguration.AS_OF, asOf.toString());
        if (cutoff != null) {
            job.putString(ExtractJobConfiguration.CUTOFF, cutoff.toString());
        }
        job.putInt(ExtractJobConfiguration.VERSION, slot.version());
        job.putString(ExtractJobConfiguration.DIRECTORY, slot.directory().toString());
        job.putString(ExtractJobConfiguration.DEFINITION_SHA256, definition.sha256());
        return RepeatStatus.FINISHED;
    }
}
