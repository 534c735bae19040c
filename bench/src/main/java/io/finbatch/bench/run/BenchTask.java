package io.finbatch.bench.run;

import java.nio.file.Path;

/** One thing measured in a fresh JVM: {@link #prepare()} is not timed, {@link #run(Path)} is. */
public interface BenchTask {

    /** One-off set-up a real application would do once and keep (e.g. Prowide's JAXB context). */
    default void prepare() throws Exception {
    }

    TaskResult run(Path file) throws Exception;
}
