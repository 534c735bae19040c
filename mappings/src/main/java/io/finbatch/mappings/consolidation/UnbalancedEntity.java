package io.finbatch.mappings.consolidation;

import java.math.BigDecimal;

/** An entity whose source lines do not balance in its own currency. */
public record UnbalancedEntity(String entity, String currency, BigDecimal debit, BigDecimal credit) {

    /** Debit minus credit. */
    public BigDecimal difference() {
        return debit.subtract(credit);
    }

    @Override
    public String toString() {
        return entity + ": debit " + debit.toPlainString() + " " + currency + " != credit " + credit.toPlainString()
                + " " + currency + ", difference " + difference().toPlainString();
    }
}
