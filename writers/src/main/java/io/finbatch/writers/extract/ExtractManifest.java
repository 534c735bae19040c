package io.finbatch.writers.extract;

import java.util.Map;

/**
 * The manifest written beside an extract file ({@code <file>.manifest.json}).
 *
 * @param definitionSha256 SHA-256 of the definition's .sql bytes followed by its .yml bytes
 * @param cutoff           the GROUP period's cut-off when the extract was made (null when none was set)
 * @param asOf             the instant the data is as of (the cut-off, unless another one was asked for)
 * @param controlTotals    control-total column → sum of the column in the file, plain decimal
 * @param sha256           SHA-256 of the file
 */
public record ExtractManifest(String extract, String kind, String definitionSha256, String period, String cutoff,
        String asOf, Map<String, String> parameters, int version, String format, String file, String generatedAt,
        Long jobExecutionId, long rows, Map<String, String> controlTotals, String sha256) {
}
