package io.finbatch.jobs.support;

import io.finbatch.mappings.statement.StatementEvent;
import io.finbatch.writers.staging.StatementLineInserts;
import io.finbatch.writers.staging.StatementStagingWriter;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lets a test make the staging writer fail once, inside the chunk it names, after writing that chunk's
 * rows (so the rollback must undo them): {@link #failInChunk(int, boolean)}.
 */
public final class FailureInjection {

    private static final AtomicInteger failInChunk = new AtomicInteger(-1);
    private static volatile boolean transientFault;
    private static final AtomicInteger chunksWritten = new AtomicInteger();

    private FailureInjection() {
    }

    /** The {@code chunk}-th write (1-based, counted from now) fails once; transient or not. */
    public static void failInChunk(int chunk, boolean asTransientFault) {
        chunksWritten.set(0);
        transientFault = asTransientFault;
        failInChunk.set(chunk);
    }

    public static void reset() {
        failInChunk.set(-1);
        chunksWritten.set(0);
    }

    static final class FailingStagingWriter extends StatementStagingWriter {

        FailingStagingWriter(JdbcTemplate jdbc, long fileId, Clock clock, StatementLineInserts lineInserts) {
            super(jdbc, fileId, clock, lineInserts);
        }

        @Override
        public void write(Chunk<? extends StatementEvent> chunk) {
            super.write(chunk);
            int written = chunksWritten.incrementAndGet();
            if (written == failInChunk.get()) {
                failInChunk.set(-1);
                if (transientFault) {
                    throw new TransientDataAccessResourceException("injected: connection lost in chunk " + written);
                }
                throw new IllegalStateException("injected: disk full in chunk " + written);
            }
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        @StepScope
        StatementStagingWriter failingStagingWriter(JdbcTemplate jdbc, Clock clock, StatementLineInserts lineInserts,
                @Value("#{jobExecutionContext['statementFileId']}") Long fileId) {
            return new FailingStagingWriter(jdbc, fileId, clock, lineInserts);
        }
    }
}
