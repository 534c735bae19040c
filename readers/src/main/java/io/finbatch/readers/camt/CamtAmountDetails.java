package io.finbatch.readers.camt;

import java.util.function.Predicate;

/** {@code AmtDtls}: the instructed amount, the transaction amount and the counter value, each optional. */
final class CamtAmountDetails {

    CamtAmount instructed;
    CamtAmount transaction;
    CamtAmount counterValue;

    boolean isEmpty() {
        return instructed == null && transaction == null && counterValue == null;
    }

    /** The first of transaction, counter value and instructed amount that matches, or null. */
    CamtAmount find(Predicate<CamtAmount> wanted) {
        if (transaction != null && wanted.test(transaction)) {
            return transaction;
        }
        if (counterValue != null && wanted.test(counterValue)) {
            return counterValue;
        }
        if (instructed != null && wanted.test(instructed)) {
            return instructed;
        }
        return null;
    }

    /** The exchange rate given with any of the amounts. */
    java.math.BigDecimal anyRate() {
        if (instructed != null && instructed.rate() != null) {
            return instructed.rate();
        }
        if (transaction != null && transaction.rate() != null) {
            return transaction.rate();
        }
        return counterValue == null ? null : counterValue.rate();
    }
}
