package io.finbatch.writers.extract;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * What an extract file says about itself: the parameters it was made with, its row count and the sums of its
 * control-total columns. Nothing here changes between two runs of the same extract as of the same instant.
 */
public record ExtractSummary(String period, Instant asOf, Map<String, String> parameters, long rows,
        Map<String, BigDecimal> controlTotals) {
}
