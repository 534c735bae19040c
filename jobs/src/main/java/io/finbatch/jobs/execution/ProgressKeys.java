package io.finbatch.jobs.execution;

/** Job execution context keys a job may set so that its progress can be estimated. */
public final class ProgressKeys {

    /** How many items the job's chunked step will read, when a step before it counted them (a long). */
    public static final String EXPECTED_ITEMS = "finbatch.expectedItems";

    private ProgressKeys() {
    }
}
