package io.finbatch.jobs.banklines;

import io.finbatch.writers.journal.JournalLineStore;
import io.finbatch.writers.staging.ImportExceptionRecorder;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/** Lets a test make the mapping writer fail once, after writing the rows of the chunk it names. */
@TestConfiguration(proxyBeanMethods = false)
class FailingMappingWriterConfig {

    static final AtomicInteger failInChunk = new AtomicInteger(-1);
    static final AtomicInteger chunksWritten = new AtomicInteger();

    static void failInChunk(int chunk) {
        chunksWritten.set(0);
        failInChunk.set(chunk);
    }

    @Bean
    @Primary
    @StepScope
    BankLineMappingWriter failingBankLineMappingWriter(JdbcTemplate jdbc, JournalLineStore store,
            ImportExceptionRecorder exceptions, Clock clock,
            @Value("#{stepExecution.jobExecution.id}") Long executionId) {
        return new BankLineMappingWriter(jdbc, store, exceptions, clock, executionId) {
            @Override
            public void write(Chunk<? extends MappedLine> chunk) {
                super.write(chunk);
                if (chunksWritten.incrementAndGet() == failInChunk.get()) {
                    failInChunk.set(-1);
                    throw new IllegalStateException("injected: disk full in chunk " + chunksWritten.get());
                }
            }
        };
    }
}
