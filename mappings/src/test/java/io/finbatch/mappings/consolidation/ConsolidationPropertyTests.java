package io.finbatch.mappings.consolidation;

import io.finbatch.mappings.money.CurrencyUnits;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random groups (2 to 4 entities, in currencies with 0, 2 or 3 minor units, random rates), random balanced
 * journal entries on external accounts and random intercompany trades (sales and loans, booked by both
 * partners with agreeing or disagreeing amounts): every consolidation keeps its invariants. Each case is
 * generated from its seed (shown as the test's name), so a failure is reproduced by that seed alone.
 */
class ConsolidationPropertyTests {

    private static final YearMonth PERIOD = YearMonth.of(2026, 10);
    private static final List<String> CURRENCIES = List.of("EUR", "USD", "GBP", "CHF", "JPY", "KWD");
    private static final String IC_RECEIVABLES = "1200";
    private static final String IC_PAYABLES = "2200";
    private static final String IC_REVENUE = "4100";
    private static final String IC_EXPENSES = "5100";
    private static final String RESERVE = "3900";
    private static final String IC_DIFFERENCES = "8990";
    /** What external legs book to; the engine's own accounts included, since entities may book there too. */
    private static final List<String> EXTERNAL = List.of("1000", "1100", "2000", "3000", "4000", "5000", RESERVE,
            IC_DIFFERENCES);
    private static final GroupChart CHART = GroupChart.of(
            new GroupAccount("1000", "Cash", AccountClass.ASSET),
            new GroupAccount("1100", "Receivables", AccountClass.ASSET),
            new GroupAccount(IC_RECEIVABLES, "IC receivables", AccountClass.ASSET, IntercompanyRole.RECEIVABLE),
            new GroupAccount("2000", "Payables", AccountClass.LIABILITY),
            new GroupAccount(IC_PAYABLES, "IC payables", AccountClass.LIABILITY, IntercompanyRole.PAYABLE),
            new GroupAccount("3000", "Capital", AccountClass.EQUITY),
            new GroupAccount(RESERVE, "Translation reserve", AccountClass.EQUITY),
            new GroupAccount("4000", "Revenue", AccountClass.INCOME),
            new GroupAccount(IC_REVENUE, "IC revenue", AccountClass.INCOME, IntercompanyRole.REVENUE),
            new GroupAccount("5000", "Expenses", AccountClass.EXPENSE),
            new GroupAccount(IC_EXPENSES, "IC expenses", AccountClass.EXPENSE, IntercompanyRole.EXPENSE),
            new GroupAccount(IC_DIFFERENCES, "IC differences", AccountClass.EXPENSE));

    /** One leg of an external entry: an account of {@link #EXTERNAL}, local variant a or b, minor units. */
    record Leg(int account, boolean variantB, long units) {
    }

    /** An entry of one entity: its legs, and a last leg on {@code closingAccount} that balances them. */
    record Entry(int entity, List<Leg> legs, int closingAccount) {
    }

    /**
     * A trade of {@code seller} with the entity {@code partnerOffset} places further: a sale (receivable and
     * revenue against payable and expense) or a loan (receivable and payable only, against cash). The
     * partner books {@code partnerUnits}, or the seller's units when {@code agreed}.
     */
    record Trade(int seller, int partnerOffset, boolean loan, long units, boolean agreed, long partnerUnits) {
    }

    record Recipe(String groupCurrency, List<String> entityCurrencies, List<BigDecimal> rates, List<Entry> entries,
            List<Trade> trades) {
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 300);
    }

    static LongStream fewerSeeds() {
        return LongStream.rangeClosed(1001, 1100);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void consolidationKeepsItsInvariants(long seed) {
        Recipe recipe = recipe(new Random(seed));
        ConsolidationGroup group = group(recipe);
        List<SourceLine> lines = lines(recipe);
        List<Contribution> lineage = new ArrayList<>();

        ConsolidationResult result = new Consolidator(group, rates(recipe)).consolidate(PERIOD, lines, lineage::add);

        ConsolidationInvariants.assertHold(group, result, lineage);
        assertThat(lineage).filteredOn(c -> c.kind() == Contribution.Kind.SOURCE_LINE).hasSameSizeAs(lines);
        for (EntityTranslation translation : result.translations()) {
            if (translation.currency().equals(recipe.groupCurrency())) {
                assertThat(translation.translationDifference()).as("no difference in the group currency").isZero();
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("fewerSeeds")
    void theOrderOfTheLinesDoesNotMatter(long seed) {
        Recipe recipe = recipe(new Random(seed));
        Consolidator consolidator = new Consolidator(group(recipe), rates(recipe));
        List<SourceLine> lines = lines(recipe);
        ConsolidationResult inOrder = consolidator.consolidate(PERIOD, lines);
        Collections.shuffle(lines, new Random(lines.size()));

        assertThat(consolidator.consolidate(PERIOD, lines)).isEqualTo(inOrder);
    }

    /** A random group and journal; sizes and ranges as documented on the records above. */
    static Recipe recipe(Random random) {
        String groupCurrency = pick(random, List.of("EUR", "USD", "JPY"));
        List<String> entityCurrencies = new ArrayList<>();
        for (int i = 0, n = 2 + random.nextInt(3); i < n; i++) {
            entityCurrencies.add(pick(random, CURRENCIES));
        }
        List<BigDecimal> rates = new ArrayList<>();
        for (int i = 0; i < CURRENCIES.size() * RateType.values().length; i++) {
            // 0.0001 to 250, six decimals
            long micros = 100 + (long) (random.nextDouble() * 249_999_900L);
            rates.add(BigDecimal.valueOf(micros, 6));
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0, n = random.nextInt(21); i < n; i++) {
            List<Leg> legs = new ArrayList<>();
            for (int j = 0, m = 1 + random.nextInt(4); j < m; j++) {
                legs.add(new Leg(random.nextInt(EXTERNAL.size()), random.nextBoolean(), units(random)));
            }
            entries.add(new Entry(random.nextInt(4), legs, random.nextInt(EXTERNAL.size())));
        }
        List<Trade> trades = new ArrayList<>();
        for (int i = 0, n = random.nextInt(9); i < n; i++) {
            trades.add(new Trade(random.nextInt(4), 1 + random.nextInt(3), random.nextBoolean(),
                    Math.abs(units(random)), random.nextBoolean(), Math.abs(units(random))));
        }
        return new Recipe(groupCurrency, entityCurrencies, rates, entries, trades);
    }

    /** Amounts in minor units, from one minor unit to ten million units, either side; small ones as often as big. */
    private static long units(Random random) {
        long magnitude = (long) Math.pow(10, random.nextInt(10));
        long units = 1 + (long) (random.nextDouble() * magnitude);
        return random.nextBoolean() ? units : -units;
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String entity(int index) {
        return "E" + index;
    }

    private static ConsolidationGroup group(Recipe recipe) {
        List<LegalEntity> entities = new ArrayList<>();
        List<AccountMappingRule> rules = new ArrayList<>();
        for (int i = 0; i < recipe.entityCurrencies().size(); i++) {
            entities.add(new LegalEntity(entity(i), recipe.entityCurrencies().get(i)));
            for (GroupAccount account : CHART.accounts()) {
                rules.add(new AccountMappingRule(entity(i), local(account.code(), false), account.code()));
                rules.add(new AccountMappingRule(entity(i), local(account.code(), true), account.code()));
            }
        }
        return new ConsolidationGroup(recipe.groupCurrency(), entities, CHART, new AccountMapping(rules), RESERVE,
                IC_DIFFERENCES);
    }

    private static String local(String groupAccount, boolean variantB) {
        return "L" + groupAccount + (variantB ? "b" : "a");
    }

    private static RateTable rates(Recipe recipe) {
        List<ExchangeRate> rates = new ArrayList<>();
        int k = 0;
        for (String currency : CURRENCIES) {
            for (RateType type : RateType.values()) {
                BigDecimal rate = recipe.rates().get(k++);
                if (!currency.equals(recipe.groupCurrency())) {
                    rates.add(new ExchangeRate(currency, recipe.groupCurrency(), type, PERIOD, rate));
                }
            }
        }
        return new RateTable(rates);
    }

    private static List<SourceLine> lines(Recipe recipe) {
        Journal journal = new Journal(recipe.entityCurrencies());
        int entities = recipe.entityCurrencies().size();
        for (Entry entry : recipe.entries()) {
            int entity = entry.entity() % entities;
            long total = 0;
            for (Leg leg : entry.legs()) {
                journal.book(entity, local(EXTERNAL.get(leg.account()), leg.variantB()), leg.units(), null);
                total += leg.units();
            }
            journal.book(entity, local(EXTERNAL.get(entry.closingAccount()), false), -total, null);
        }
        for (Trade trade : recipe.trades()) {
            int seller = trade.seller() % entities;
            int buyer = (seller + 1 + (trade.partnerOffset() - 1) % (entities - 1)) % entities;
            long sellerUnits = trade.units();
            long buyerUnits = trade.agreed() ? trade.units() : trade.partnerUnits();
            journal.book(seller, local(IC_RECEIVABLES, false), sellerUnits, entity(buyer));
            journal.book(seller, trade.loan() ? local("1000", false) : local(IC_REVENUE, false), -sellerUnits,
                    trade.loan() ? null : entity(buyer));
            journal.book(buyer, trade.loan() ? local("1000", false) : local(IC_EXPENSES, true), buyerUnits,
                    trade.loan() ? null : entity(seller));
            journal.book(buyer, local(IC_PAYABLES, true), -buyerUnits, entity(seller));
        }
        return journal.lines;
    }

    /** Books signed minor units as debit (positive) or credit (negative) lines in the entity's currency. */
    private static final class Journal {
        final List<String> currencies;
        final List<SourceLine> lines = new ArrayList<>();

        Journal(List<String> currencies) {
            this.currencies = currencies;
        }

        void book(int entity, String localAccount, long units, String counterparty) {
            BigDecimal amount = BigDecimal.valueOf(Math.abs(units), CurrencyUnits.minorUnits(currencies.get(entity)));
            BigDecimal debit = units >= 0 ? amount : BigDecimal.ZERO;
            BigDecimal credit = units >= 0 ? BigDecimal.ZERO : amount;
            lines.add(new SourceLine(lines.size() + 1, entity(entity), localAccount, debit, credit,
                    currencies.get(entity), counterparty, LocalDate.of(2026, 10, 1 + lines.size() % 31)));
        }
    }
}
