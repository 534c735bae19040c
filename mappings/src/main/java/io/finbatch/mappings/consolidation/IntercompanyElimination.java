package io.finbatch.mappings.consolidation;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects the translated intercompany balances (entity, partner, account) and eliminates them per pair of
 * entities and category.
 *
 * <p>For a pair A, B (A before B by code) and a category, every balance either shows towards the other
 * is reversed by a line of one elimination entry. Those lines add up to {@code -(balanceA + balanceB)}:
 * zero when the partners agree, so matched amounts cancel; otherwise the entry gets one more line of
 * {@code balanceA + balanceB} on the intercompany difference account, which balances it. Each
 * intercompany account thus nets to zero for the group, each entry balances, and the difference is
 * reported as an {@link IntercompanyMatch}.
 */
final class IntercompanyElimination {

    private record Balance(String entity, String counterparty, IntercompanyCategory category, String account) {
    }

    private record Pair(String entityA, String entityB, IntercompanyCategory category) {
    }

    private static final Comparator<Balance> BALANCE_ORDER = Comparator.comparing(Balance::entity)
            .thenComparing(Balance::counterparty).thenComparing(Balance::category).thenComparing(Balance::account);
    private static final Comparator<Pair> PAIR_ORDER = Comparator.comparing(Pair::entityA)
            .thenComparing(Pair::entityB).thenComparing(Pair::category);

    record Outcome(List<EliminationEntry> entries, List<IntercompanyMatch> matches) {
    }

    private final Map<Balance, BigDecimal> balances = new TreeMap<>(BALANCE_ORDER);

    /** {@code amount} is debit minus credit, translated. */
    void add(String entity, String counterparty, GroupAccount account, BigDecimal amount) {
        balances.merge(new Balance(entity, counterparty, account.intercompanyRole().category(), account.code()),
                amount, BigDecimal::add);
    }

    Outcome eliminate(YearMonth period, String differenceAccount, BigDecimal zero) {
        Map<Pair, List<Map.Entry<Balance, BigDecimal>>> byPair = new TreeMap<>(PAIR_ORDER);
        for (Map.Entry<Balance, BigDecimal> balance : balances.entrySet()) {
            Balance b = balance.getKey();
            boolean first = b.entity().compareTo(b.counterparty()) < 0;
            Pair pair = first ? new Pair(b.entity(), b.counterparty(), b.category())
                    : new Pair(b.counterparty(), b.entity(), b.category());
            byPair.computeIfAbsent(pair, p -> new ArrayList<>()).add(balance);
        }
        List<EliminationEntry> entries = new ArrayList<>();
        List<IntercompanyMatch> matches = new ArrayList<>();
        for (Map.Entry<Pair, List<Map.Entry<Balance, BigDecimal>>> group : byPair.entrySet()) {
            Pair pair = group.getKey();
            BigDecimal balanceA = zero;
            BigDecimal balanceB = zero;
            List<EliminationLine> lines = new ArrayList<>();
            for (Map.Entry<Balance, BigDecimal> balance : group.getValue()) {
                BigDecimal amount = balance.getValue();
                if (balance.getKey().entity().equals(pair.entityA())) {
                    balanceA = balanceA.add(amount);
                } else {
                    balanceB = balanceB.add(amount);
                }
                if (amount.signum() != 0) {
                    lines.add(line(balance.getKey().account(), balance.getKey().entity(), amount.negate(), zero));
                }
            }
            BigDecimal difference = balanceA.add(balanceB);
            matches.add(new IntercompanyMatch(pair.entityA(), pair.entityB(), pair.category(), balanceA, balanceB,
                    difference));
            if (difference.signum() != 0) {
                lines.add(line(differenceAccount, null, difference, zero));
            }
            if (!lines.isEmpty()) {
                entries.add(new EliminationEntry(reference(period, pair), pair.entityA(), pair.entityB(),
                        pair.category(), lines));
            }
        }
        return new Outcome(entries, matches);
    }

    static String reference(YearMonth period, Pair pair) {
        return "ELIM:" + period + ":" + pair.entityA() + ":" + pair.entityB() + ":" + pair.category();
    }

    /** A line of {@code amount}, debit minus credit. */
    private static EliminationLine line(String account, String entity, BigDecimal amount, BigDecimal zero) {
        return amount.signum() >= 0 ? new EliminationLine(account, entity, amount, zero)
                : new EliminationLine(account, entity, zero, amount.negate());
    }
}
