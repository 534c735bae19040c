package io.finbatch.mappings.consolidation;

import java.math.BigDecimal;

/**
 * The intercompany balances of a pair of entities in one category, translated, debit positive:
 * {@code balanceA} is what {@code entityA} shows towards {@code entityB} and the other way round. They
 * cancel when the partners agree (a receivable of 10,000.00 is +10,000.00, the partner's payable
 * -10,000.00); otherwise {@code difference = balanceA + balanceB} is what the elimination books to the
 * intercompany difference account (debit when positive).
 */
public record IntercompanyMatch(String entityA, String entityB, IntercompanyCategory category,
        BigDecimal balanceA, BigDecimal balanceB, BigDecimal difference) {

    public boolean matched() {
        return difference.signum() == 0;
    }

    @Override
    public String toString() {
        return category + " " + entityA + "/" + entityB + ": " + entityA + " " + balanceA.toPlainString() + ", "
                + entityB + " " + balanceB.toPlainString() + ", difference " + difference.toPlainString();
    }
}
