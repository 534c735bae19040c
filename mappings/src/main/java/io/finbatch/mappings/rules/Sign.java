package io.finbatch.mappings.rules;

import java.math.BigDecimal;

/** Direction of a statement line from the account holder's view: money in (credit) or out (debit). */
public enum Sign {
    CREDIT,
    DEBIT;

    /** The sign of a signed statement amount; null for zero. */
    public static Sign of(BigDecimal amount) {
        int signum = amount.signum();
        return signum > 0 ? CREDIT : signum < 0 ? DEBIT : null;
    }
}
