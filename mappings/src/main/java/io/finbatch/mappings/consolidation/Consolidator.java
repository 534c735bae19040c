package io.finbatch.mappings.consolidation;

import io.finbatch.mappings.money.CurrencyUnits;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Consolidates the journal lines of a group's entities for one period into a trial balance in the group
 * currency:
 * <ol>
 * <li>each line is mapped to its group account and translated at the rate of the account's class
 * ({@link Translation}), and handed to the {@link LineageSink};</li>
 * <li>each entity's translated lines no longer balance: the difference is booked, per entity, to the
 * translation reserve account, and only there;</li>
 * <li>intercompany balances are eliminated per pair of entities and category, any difference going to
 * the intercompany difference account ({@link IntercompanyElimination}).</li>
 * </ol>
 * The lines are read once, as they come, and not kept: memory grows with the number of (entity, group
 * account) and (entity, partner, intercompany account) pairs and with the problems found, not with the
 * number of lines. The whole input is read even after a problem, so that every unmapped account, missing
 * rate, unbalanced entity and invalid line is reported at once ({@link ConsolidationException}).
 *
 * <p>The caller chooses the lines (the period's movements, opening balances as lines if the trial balance
 * is cumulative); a line dated after the period's last day is refused.
 *
 * <p>Thread-safe: each call keeps its own state.
 */
public final class Consolidator {

    private final ConsolidationGroup group;
    private final RateTable rates;

    public Consolidator(ConsolidationGroup group, RateTable rates) {
        this.group = Objects.requireNonNull(group, "group");
        this.rates = Objects.requireNonNull(rates, "rates");
    }

    /** Without lineage. */
    public ConsolidationResult consolidate(YearMonth period, Iterable<SourceLine> lines) {
        return consolidate(period, lines, LineageSink.NONE);
    }

    /**
     * @param lines   the period's lines of every entity, in any order (a stream: {@code stream::iterator})
     * @param lineage receives every contribution, source lines first; see {@link LineageSink} on failure
     * @throws ConsolidationException when the inputs cannot be consolidated, naming every problem
     */
    public ConsolidationResult consolidate(YearMonth period, Iterable<SourceLine> lines, LineageSink lineage) {
        Run run = new Run(period, lineage);
        for (SourceLine line : lines) {
            run.accept(line);
        }
        return run.finish();
    }

    /** The state of one consolidation. */
    private final class Run {

        private final YearMonth period;
        private final LineageSink lineage;
        private final Translation translation;
        private final Worksheet worksheet;
        private final IntercompanyElimination elimination = new IntercompanyElimination();
        private final Map<String, LegalEntity> entities = new HashMap<>();
        private final Map<String, EntityTotals> totals = new LinkedHashMap<>();
        private final Map<String, UnmappedAccount> unmapped = new TreeMap<>();
        private final Set<RateKey> missingRates = new TreeSet<>(Comparator.comparing(RateKey::toString));
        private final List<LineProblem> problems = new ArrayList<>();
        private long problemCount;

        Run(YearMonth period, LineageSink lineage) {
            this.period = Objects.requireNonNull(period, "period");
            this.lineage = Objects.requireNonNull(lineage, "lineage");
            this.translation = new Translation(rates, group.groupCurrency(), period);
            this.worksheet = new Worksheet(group, translation.zero());
            for (LegalEntity entity : group.entities()) {
                entities.put(entity.code(), entity);
                totals.put(entity.code(), new EntityTotals(entity.functionalCurrency(), translation.zero()));
            }
        }

        void accept(SourceLine line) {
            LegalEntity entity = entities.get(line.entity());
            if (entity == null) {
                problem(line, "entity " + line.entity() + " is not in the group");
                return;
            }
            String currency = entity.functionalCurrency();
            if (!line.currency().equals(currency)) {
                problem(line, "in " + line.currency() + ", not in " + entity.code() + "'s currency " + currency);
                return;
            }
            if (line.debit().signum() < 0 || line.credit().signum() < 0) {
                problem(line, "negative amount (debit " + line.debit().toPlainString() + ", credit "
                        + line.credit().toPlainString() + ")");
                return;
            }
            if (tooPrecise(line.debit(), currency) || tooPrecise(line.credit(), currency)) {
                problem(line, "more decimals than " + currency + " has (debit " + line.debit().toPlainString()
                        + ", credit " + line.credit().toPlainString() + ")");
                return;
            }
            EntityTotals entityTotals = totals.get(entity.code());
            entityTotals.addLocal(line);
            if (line.date().isAfter(period.atEndOfMonth())) {
                problem(line, "dated " + line.date() + ", after the period " + period);
                return;
            }
            String groupCode = group.mapping().groupAccount(entity.code(), line.localAccount()).orElse(null);
            if (groupCode == null) {
                unmapped.merge(entity.code() + "\u0000" + line.localAccount(),
                        new UnmappedAccount(entity.code(), line.localAccount(), 1, line.id()),
                        (a, b) -> new UnmappedAccount(a.entity(), a.localAccount(), a.lines() + 1, a.firstLineId()));
                return;
            }
            GroupAccount account = group.chart().account(groupCode);
            if (account.isIntercompany() && !validPartner(line, entity, account)) {
                return;
            }
            BigDecimal rate = translation.rate(currency, account.accountClass()).orElse(null);
            if (rate == null) {
                missingRates.add(translation.rateKey(currency, account.accountClass()));
                return;
            }
            if (failed()) {
                return; // the result is lost anyway: stop feeding the sink, only look for more problems
            }
            BigDecimal amount = translation.translate(line.debit().subtract(line.credit()), rate);
            entityTotals.addTranslated(amount);
            post(Contribution.sourceLine(line.id(), entity.code(), groupCode, amount, rate));
            if (account.isIntercompany()) {
                elimination.add(entity.code(), line.counterparty(), account, amount);
            }
        }

        private boolean validPartner(SourceLine line, LegalEntity entity, GroupAccount account) {
            String partner = line.counterparty();
            String where = "intercompany account " + account.code() + " (local " + line.localAccount() + ")";
            if (partner == null) {
                problem(line, where + " without counterparty");
            } else if (!entities.containsKey(partner)) {
                problem(line, where + ": counterparty " + partner + " is not in the group");
            } else if (partner.equals(entity.code())) {
                problem(line, where + ": counterparty is the entity itself");
            } else {
                return true;
            }
            return false;
        }

        ConsolidationResult finish() {
            throwIfFailed();
            List<EntityTranslation> translations = new ArrayList<>();
            for (Map.Entry<String, EntityTotals> entry : totals.entrySet()) {
                translations.add(bookTranslationDifference(entry.getKey(), entry.getValue()));
            }
            IntercompanyElimination.Outcome eliminated = elimination.eliminate(period,
                    group.intercompanyDifferenceAccount(), translation.zero());
            for (EliminationEntry entry : eliminated.entries()) {
                for (EliminationLine line : entry.lines()) {
                    post(Contribution.synthetic(Contribution.Kind.ELIMINATION, entry.reference(), line.entity(),
                            line.groupAccount(), line.debit().subtract(line.credit())));
                }
            }
            return new ConsolidationResult(period, group.groupCurrency(), worksheet.trialBalance(), translations,
                    eliminated.entries(), eliminated.matches());
        }

        /** Books {@code translated credit - translated debit} to the reserve, which balances the entity again. */
        private EntityTranslation bookTranslationDifference(String entity, EntityTotals t) {
            BigDecimal difference = t.translatedCredit.subtract(t.translatedDebit);
            String reference = null;
            if (difference.signum() != 0) {
                reference = "FXDIFF:" + period + ":" + entity;
                post(Contribution.synthetic(Contribution.Kind.TRANSLATION, reference, entity,
                        group.translationReserveAccount(), difference));
            }
            int units = CurrencyUnits.minorUnits(t.currency);
            return new EntityTranslation(entity, t.currency, t.lines, t.localDebit.setScale(units),
                    t.localCredit.setScale(units), t.translatedDebit, t.translatedCredit, difference, reference);
        }

        private void post(Contribution contribution) {
            worksheet.add(contribution);
            lineage.accept(contribution);
        }

        private void problem(SourceLine line, String reason) {
            problemCount++;
            if (problems.size() < InvalidSourceLinesException.KEPT) {
                problems.add(new LineProblem(line.id(), reason));
            }
        }

        private boolean failed() {
            return problemCount > 0 || !unmapped.isEmpty() || !missingRates.isEmpty();
        }

        private void throwIfFailed() {
            List<ConsolidationException> failures = new ArrayList<>();
            if (problemCount > 0) {
                failures.add(new InvalidSourceLinesException(problems, problemCount));
            }
            if (!unmapped.isEmpty()) {
                failures.add(new UnmappedAccountsException(new ArrayList<>(unmapped.values())));
            }
            if (!missingRates.isEmpty()) {
                failures.add(new MissingRatesException(new ArrayList<>(missingRates)));
            }
            List<UnbalancedEntity> unbalanced = new ArrayList<>();
            totals.forEach((entity, t) -> {
                if (t.localDebit.compareTo(t.localCredit) != 0) {
                    int units = CurrencyUnits.minorUnits(t.currency);
                    unbalanced.add(new UnbalancedEntity(entity, t.currency, t.localDebit.setScale(units),
                            t.localCredit.setScale(units)));
                }
            });
            if (!unbalanced.isEmpty()) {
                failures.add(new UnbalancedEntitiesException(unbalanced));
            }
            if (!failures.isEmpty()) {
                ConsolidationException first = failures.get(0);
                failures.subList(1, failures.size()).forEach(first::addSuppressed);
                throw first;
            }
        }
    }

    private static boolean tooPrecise(BigDecimal amount, String currency) {
        return amount.stripTrailingZeros().scale() > CurrencyUnits.minorUnits(currency);
    }

    /** One entity's running totals: in its own currency (all valid lines) and translated. */
    private static final class EntityTotals {
        final String currency;
        long lines;
        BigDecimal localDebit = BigDecimal.ZERO;
        BigDecimal localCredit = BigDecimal.ZERO;
        BigDecimal translatedDebit;
        BigDecimal translatedCredit;

        EntityTotals(String currency, BigDecimal zero) {
            this.currency = currency;
            this.translatedDebit = zero;
            this.translatedCredit = zero;
        }

        void addLocal(SourceLine line) {
            lines++;
            localDebit = localDebit.add(line.debit());
            localCredit = localCredit.add(line.credit());
        }

        void addTranslated(BigDecimal amount) {
            if (amount.signum() > 0) {
                translatedDebit = translatedDebit.add(amount);
            } else {
                translatedCredit = translatedCredit.subtract(amount);
            }
        }
    }
}
