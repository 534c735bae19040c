package io.finbatch.jobs.reliability;

import io.finbatch.jobs.odooposting.OdooConnection;
import io.finbatch.writers.odoo.OdooClient;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.item.ChunkOrientedStep;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loaded into a child JVM of the crash tests ({@code spring.main.sources}): when the run reaches the point named
 * by {@code finbatch.crash.at}, it prints {@code CRASHPOINT <point>} and waits, so that the test kills it with
 * SIGKILL exactly there. Points: {@code before-write:STEP:N} (chunk N-1 committed), {@code after-write:STEP:N}
 * (chunk N written, not committed), {@code before-step:STEP}, {@code after-step:STEP} (the step's own
 * bookkeeping), {@code after-odoo-create:N} (Odoo committed the N-th create, we did not record it yet).
 */
@Configuration(proxyBeanMethods = false)
public class CrashPoints {

    public static final String MARKER = "CRASHPOINT ";

    @Bean
    static BeanPostProcessor crashPointsInSteps(Environment environment) {
        String at = environment.getProperty("finbatch.crash.at", "");
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (at.isEmpty()) {
                    return bean;
                }
                if (bean instanceof AbstractStep step) {
                    step.registerStepExecutionListener(new StepPoints(at, step.getName()));
                    if (step instanceof ChunkOrientedStep<?, ?> chunked) {
                        registerWrites(chunked, new WritePoints<>(at, step.getName()));
                    }
                }
                if (bean instanceof OdooConnection connection && at.startsWith("after-odoo-create:")) {
                    return new OdooConnectionWithCrashPoint(connection, Integer.parseInt(at.substring(at.indexOf(':') + 1)));
                }
                return bean;
            }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void registerWrites(ChunkOrientedStep step, WritePoints points) {
        step.registerItemWriteListener(points);
    }

    static void reached(String point) {
        System.out.println(MARKER + point);
        System.out.flush();
        try {
            Thread.sleep(120_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // not killed: end like a crash all the same
        Runtime.getRuntime().halt(137);
    }

    private record StepPoints(String at, String step) implements StepExecutionListener {

        @Override
        public void beforeStep(StepExecution execution) {
            if (at.equals("before-step:" + step)) {
                reached(at);
            }
        }

        @Override
        public ExitStatus afterStep(StepExecution execution) {
            if (at.equals("after-step:" + step)) {
                reached(at);
            }
            return null;
        }
    }

    private static final class WritePoints<T> implements ItemWriteListener<T> {

        private final String at;
        private final String step;
        private final AtomicInteger chunks = new AtomicInteger();

        WritePoints(String at, String step) {
            this.at = at;
            this.step = step;
        }

        @Override
        public void beforeWrite(Chunk<? extends T> items) {
            int n = chunks.incrementAndGet();
            if (at.equals("before-write:" + step + ":" + n)) {
                reached(at);
            }
        }

        @Override
        public void afterWrite(Chunk<? extends T> items) {
            if (at.equals("after-write:" + step + ":" + chunks.get())) {
                reached(at);
            }
        }
    }

    /** The application's Odoo connection whose client stops dead after the N-th create has been answered. */
    private static final class OdooConnectionWithCrashPoint extends OdooConnection {

        private final OdooConnection connection;
        private final int createNumber;
        private final Map<String, OdooClient> wrapped = new ConcurrentHashMap<>();
        private final AtomicInteger creates = new AtomicInteger();

        OdooConnectionWithCrashPoint(OdooConnection connection, int createNumber) {
            super(null, null);
            this.connection = connection;
            this.createNumber = createNumber;
        }

        @Override
        public synchronized OdooClient client() {
            return wrapped.computeIfAbsent("client", k -> (OdooClient) Proxy.newProxyInstance(
                    OdooClient.class.getClassLoader(), new Class<?>[] {OdooClient.class}, (proxy, method, args) -> {
                        Object result;
                        try {
                            result = method.invoke(connection.client(), args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                        if (method.getName().equals("create") && creates.incrementAndGet() == createNumber) {
                            reached("after-odoo-create:" + createNumber);
                        }
                        return result;
                    }));
        }

        @Override
        public synchronized String describe() {
            return connection.describe();
        }

        @Override
        public void destroy() {
            connection.destroy();
        }
    }
}
