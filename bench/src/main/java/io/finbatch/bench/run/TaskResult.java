package io.finbatch.bench.run;

import java.math.BigDecimal;

/**
 * What one benchmark pass counted, so the runner can check that every contender read the whole file.
 * {@code retained} is what the contender still holds when it is done (Prowide's message model), kept
 * reachable while the probe measures the heap after the run; null for streaming passes.
 */
public record TaskResult(long statements, long entries, long lines, BigDecimal signedSum, long balanceChecksOk,
        long balanceChecksFailed, Object retained) {
}
