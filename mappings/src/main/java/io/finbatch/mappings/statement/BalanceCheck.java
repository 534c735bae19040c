package io.finbatch.mappings.statement;

import java.math.BigDecimal;

/**
 * Whether a statement adds up: {@code difference = closing - (opening + sum of booked lines)}.
 * {@link #of} gives null when the statement lacks an opening or a closing balance.
 */
public record BalanceCheck(boolean ok, BigDecimal difference) {

    public static BalanceCheck of(Balance opening, Balance closing, BigDecimal sumOfLines) {
        if (opening == null || closing == null || opening.amount() == null || closing.amount() == null) {
            return null;
        }
        BigDecimal difference = closing.amount().subtract(opening.amount().add(sumOfLines));
        return new BalanceCheck(difference.signum() == 0, difference);
    }
}
