package io.finbatch.mappings.consolidation;

/** Why one source line cannot be consolidated. */
public record LineProblem(long lineId, String reason) {

    @Override
    public String toString() {
        return "line " + lineId + ": " + reason;
    }
}
