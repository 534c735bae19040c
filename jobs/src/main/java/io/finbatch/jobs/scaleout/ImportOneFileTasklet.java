package io.finbatch.jobs.scaleout;

import io.finbatch.jobs.statementimport.ImportResult;
import io.finbatch.jobs.statementimport.StatementImportService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.nio.file.Path;
import java.util.Set;

/**
 * The work of one partition: the statement import of its file, through the same {@code statementImport} job
 * as a single import (its own execution, restartable from its last chunk). A file whose earlier import of
 * this partition did not finish is resumed, not started again. A partition fails when its import fails, so
 * that the partitioned job fails and its restart runs the failed partitions only.
 */
final class ImportOneFileTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ImportOneFileTasklet.class);
    private static final Set<String> ENDED = Set.of("IMPORTED", "ALREADY_IMPORTED", "REJECTED");

    private final StatementImportService imports;
    private final UnfinishedImports unfinished;

    ImportOneFileTasklet(StatementImportService imports, UnfinishedImports unfinished) {
        this.imports = imports;
        this.unfinished = unfinished;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        ExecutionContext context = contribution.getStepExecution().getExecutionContext();
        Path file = Path.of(context.getString(InboxPartitioner.FILE));
        boolean jobRestarted = unfinished.isRestart(contribution.getStepExecution().getJobExecution());
        ImportResult result = unfinished.of(file)
                .map(id -> imports.restart(id, jobRestarted))
                .orElseGet(() -> imports.importFile(file));
        context.putString("importStatus", result.status());
        context.putLong("importExecutionId", result.executionId());
        contribution.incrementWriteCount(result.linesImported());
        if (!ENDED.contains(result.status())) {
            throw new IllegalStateException(file.getFileName() + ": import " + result.status()
                    + (result.message() == null ? "" : ": " + result.message()));
        }
        log.info("{}: {} ({} lines, {} duplicates, execution {})", file.getFileName(), result.status(),
                result.linesImported(), result.duplicates(), result.executionId());
        return RepeatStatus.FINISHED;
    }
}
