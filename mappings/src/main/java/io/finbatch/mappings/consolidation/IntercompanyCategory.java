package io.finbatch.mappings.consolidation;

/** The pairs of intercompany accounts that eliminate against each other. */
public enum IntercompanyCategory {
    /** One entity's receivable from a partner against the partner's payable to it. */
    RECEIVABLE_PAYABLE,
    /** One entity's revenue from a partner against the partner's expense towards it. */
    REVENUE_EXPENSE
}
