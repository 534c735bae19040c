package io.finbatch.mappings.statement;

/**
 * What a statement says about itself before its lines: id, account, sequence numbers, creation time and
 * opening balance. {@code createdAt} is ISO-8601 as the file gives it (with offset where it has one).
 * {@code index} is the statement's 1-based position in its file.
 */
public record StatementHeader(
        int index,
        String id,
        AccountId account,
        String electronicSequence,
        String legalSequence,
        String createdAt,
        Balance openingBalance,
        String location) {
}
