package io.finbatch.mappings.consolidation;

import java.math.BigDecimal;

/**
 * An entity's totals before and after translation. The translated debits and credits (sums of the positive
 * and of the negative translated lines) no longer agree (different rates, rounding per line);
 * {@code translationDifference} (debit minus credit, booked under {@code reference} on the translation
 * reserve account) makes them agree again. Zero for an entity in the group currency, and then nothing is
 * booked.
 */
public record EntityTranslation(String entity, String currency, long lines, BigDecimal localDebit,
        BigDecimal localCredit, BigDecimal translatedDebit, BigDecimal translatedCredit,
        BigDecimal translationDifference, String reference) {
}
