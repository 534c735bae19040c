package io.finbatch.jobs.execution;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailureHeadlineTests {

    @Test
    void theRootCauseOfAStoredStackTraceIsTheHeadline() {
        String trace = """
                org.springframework.batch.core.step.FatalStepExecutionException: Unable to process chunk
                \tat org.springframework.batch.core.step.item.ChunkOrientedStep.processChunkSequentially(ChunkOrientedStep.java:556)
                Caused by: org.springframework.dao.DataAccessResourceFailureException: wrapped
                \tat x.y.Z.run(Z.java:1)
                Caused by: java.lang.IllegalStateException: injected: disk full in chunk 3
                \t... 12 more
                """;
        assertThat(FailureHeadline.of(trace)).isEqualTo("IllegalStateException: injected: disk full in chunk 3");
    }

    @Test
    void aPlainDescriptionIsKeptAsItIs() {
        assertThat(FailureHeadline.of("statement.xml: balance does not add up: 10.00 + 5.00 != 16.00\nmore"))
                .isEqualTo("statement.xml: balance does not add up: 10.00 + 5.00 != 16.00");
        assertThat(FailureHeadline.of("java.io.IOException")).isEqualTo("IOException");
        assertThat(FailureHeadline.of("  ")).isNull();
        assertThat(FailureHeadline.of(null)).isNull();
    }
}
