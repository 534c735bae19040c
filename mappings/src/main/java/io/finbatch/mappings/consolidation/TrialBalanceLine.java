package io.finbatch.mappings.consolidation;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One group account of the consolidated trial balance, as a consolidation worksheet row: the translated
 * balance of each entity (its translation difference included), the eliminations, and the consolidated
 * figures. Balances are debit minus credit; {@code debit} and {@code credit} are the sums of the positive and
 * of the negative {@link Contribution}s, eliminations included, so
 * {@code balance = debit - credit = sum(entityBalances) + eliminations}.
 */
public record TrialBalanceLine(String account, String name, AccountClass accountClass,
        Map<String, BigDecimal> entityBalances, BigDecimal eliminations, BigDecimal debit, BigDecimal credit,
        BigDecimal balance) {

    public TrialBalanceLine {
        entityBalances = Collections.unmodifiableMap(new LinkedHashMap<>(entityBalances));
        if (balance.compareTo(debit.subtract(credit)) != 0) {
            throw new IllegalArgumentException("balance of " + account + " is not debit - credit");
        }
    }
}
