package io.finbatch.jobs.statementimport;

import io.finbatch.writers.staging.FileRegistration;
import io.finbatch.writers.staging.StatementFileRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * First step of every (re)start: checks the file is still the one the import was asked for (same
 * SHA-256), and claims it in the register of received files. Exit {@code ALREADY_IMPORTED} when the
 * same content was imported before; a failure when another execution is importing it right now.
 */
class RegisterFileTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(RegisterFileTasklet.class);

    private final StatementFileRegistry registry;
    private final JobRepository jobRepository;

    RegisterFileTasklet(StatementFileRegistry registry, JobRepository jobRepository) {
        this.registry = registry;
        this.jobRepository = jobRepository;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobExecution job = contribution.getStepExecution().getJobExecution();
        Path file = Path.of(job.getJobParameters().getString(ImportContextKeys.FILE));
        String expectedSha = job.getJobParameters().getString(ImportContextKeys.SHA256);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + ": file not found");
        }
        String actualSha = FileDigest.sha256(file);
        if (!actualSha.equals(expectedSha)) {
            throw new IllegalStateException(file + ": the file changed since the import was requested (SHA-256 "
                    + actualSha + ", expected " + expectedSha + "); import it again as a new file");
        }
        FileRegistration registration = registry.register(actualSha, file.toString(), size(file), job.getId(),
                this::isRunning);
        job.getExecutionContext().putLong(ImportContextKeys.FILE_ID, registration.fileId());
        switch (registration.outcome()) {
            case ALREADY_IMPORTED -> {
                log.info("{}: already imported (statement file {}, job execution {}): nothing to do",
                        file.getFileName(), registration.fileId(), registration.ownerExecutionId());
                contribution.setExitStatus(new ExitStatus(ImportContextKeys.ALREADY_IMPORTED,
                        "already imported by job execution " + registration.ownerExecutionId()));
            }
            case IN_PROGRESS -> throw new IllegalStateException(file + ": being imported right now by job execution "
                    + registration.ownerExecutionId());
            case REGISTERED -> log.info("{}: registered as statement file {}", file.getFileName(),
                    registration.fileId());
        }
        return RepeatStatus.FINISHED;
    }

    private boolean isRunning(long executionId) {
        JobExecution execution = jobRepository.getJobExecution(executionId);
        return execution != null && execution.isRunning();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
