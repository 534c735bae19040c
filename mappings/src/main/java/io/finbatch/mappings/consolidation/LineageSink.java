package io.finbatch.mappings.consolidation;

/**
 * Receives every {@link Contribution} of a consolidation as it is made: each source line as soon as it
 * is translated, then the translation differences, then the elimination lines. Nothing else keeps the
 * source lines, so this is where lineage is to be stored.
 *
 * <p>When the consolidation fails (a {@link ConsolidationException}) the sink stops being fed at the
 * first problem found, but what it received before is not a valid lineage: discard it, e.g. by writing
 * it in the same transaction as the result.
 */
@FunctionalInterface
public interface LineageSink {

    LineageSink NONE = contribution -> {
    };

    void accept(Contribution contribution);
}
