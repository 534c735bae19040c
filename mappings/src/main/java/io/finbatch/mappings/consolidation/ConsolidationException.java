package io.finbatch.mappings.consolidation;

/**
 * The consolidation cannot be produced from these inputs. The first kind of problem found is thrown, in
 * this order: invalid source lines, unmapped accounts, missing rates, unbalanced entities; the other
 * kinds found in the same pass are attached as {@linkplain #getSuppressed() suppressed} exceptions, so one
 * run tells everything there is to fix.
 */
public abstract class ConsolidationException extends RuntimeException {

    protected ConsolidationException(String message) {
        super(message);
    }
}
