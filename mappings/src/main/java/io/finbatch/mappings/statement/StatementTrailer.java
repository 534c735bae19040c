package io.finbatch.mappings.statement;

/**
 * What is known of a statement once all its lines have been read. The opening balance is repeated
 * here because some formats only give it late (an MT942 has none; a camt report may give it anywhere).
 */
public record StatementTrailer(Balance openingBalance, Balance closingBalance, Balance availableBalance) {
}
