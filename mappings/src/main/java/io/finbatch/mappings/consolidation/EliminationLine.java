package io.finbatch.mappings.consolidation;

import java.math.BigDecimal;

/**
 * A line of an elimination entry. {@code entity} is the entity whose intercompany balance it reverses;
 * null on the line to the intercompany difference account, which belongs to the pair.
 */
public record EliminationLine(String groupAccount, String entity, BigDecimal debit, BigDecimal credit) {
}
