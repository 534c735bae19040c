package io.finbatch.jobs.reliability;

import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.step.item.ChunkOrientedStep;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Lets a test have PostgreSQL terminate the application's connection in the middle of a chunk: after the
 * chunk's rows are written and before its commit, another session calls {@code pg_terminate_backend} on every
 * backend of the database that sits in a transaction ({@link #inChunk(String, int)}; once).
 */
@TestConfiguration(proxyBeanMethods = false)
public class BackendTermination {

    private static final AtomicReference<String> step = new AtomicReference<>();
    private static final AtomicInteger chunk = new AtomicInteger(-1);
    private static final AtomicInteger terminated = new AtomicInteger();

    static void inChunk(String stepName, int chunkNumber) {
        terminated.set(0);
        step.set(stepName);
        chunk.set(chunkNumber);
    }

    static void reset() {
        step.set(null);
        chunk.set(-1);
    }

    /** How many backends the last termination ended. */
    static int terminated() {
        return terminated.get();
    }

    @Bean
    static BeanPostProcessor backendTerminationInSteps(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof ChunkOrientedStep chunked) {
                    String stepName = chunked.getName();
                    chunked.registerItemWriteListener(new Terminator(stepName, environment));
                }
                return bean;
            }
        };
    }

    private static final class Terminator implements ItemWriteListener<Object> {

        private final String stepName;
        private final Environment environment;
        private final AtomicInteger chunks = new AtomicInteger();

        Terminator(String stepName, Environment environment) {
            this.stepName = stepName;
            this.environment = environment;
        }

        @Override
        public void beforeWrite(Chunk<?> items) {
            if (!stepName.equals(step.get())) {
                chunks.set(0);
            }
        }

        @Override
        public void afterWrite(Chunk<?> items) {
            if (!stepName.equals(step.get()) || chunks.incrementAndGet() != chunk.get()) {
                return;
            }
            chunk.set(-1);
            String url = environment.getRequiredProperty("spring.datasource.url");
            try (Connection admin = DriverManager.getConnection(url,
                    environment.getProperty("spring.datasource.username"), "");
                    Statement sql = admin.createStatement();
                    ResultSet killed = sql.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                            + " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                            + " AND state = 'idle in transaction'")) {
                while (killed.next()) {
                    if (killed.getBoolean(1)) {
                        terminated.incrementAndGet();
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot terminate the backends", e);
            }
        }
    }
}
