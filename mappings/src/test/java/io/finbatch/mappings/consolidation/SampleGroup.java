package io.finbatch.mappings.consolidation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static io.finbatch.mappings.consolidation.AccountClass.ASSET;
import static io.finbatch.mappings.consolidation.AccountClass.EQUITY;
import static io.finbatch.mappings.consolidation.AccountClass.EXPENSE;
import static io.finbatch.mappings.consolidation.AccountClass.INCOME;
import static io.finbatch.mappings.consolidation.AccountClass.LIABILITY;

/**
 * A small group to check figures by hand. Group currency EUR; ACME-DE and ACME-NL in EUR, ACME-US in USD.
 * USD->EUR for 2026-10: closing 0.90, average 0.92, historical 0.85.
 *
 * <pre>
 * ACME-DE (EUR)                                   ACME-NL (EUR)
 *  1 Dr 1800 bank        50,000.00                 11 Dr 1000 bank        20,000.00
 *  2 Cr 0800 capital     50,000.00                 12 Cr 0500 capital     20,000.00
 *  3 Dr 1590 IC recv     10,000.00 (NL)            13 Dr 7010 IC expense   9,950.00 (DE)
 *  4 Cr 8405 IC revenue  10,000.00 (NL)            14 Cr 1610 IC payable   9,950.00 (DE)
 *  5 Dr 1590 IC recv      4,600.00 (US)            15 Dr 1000 bank         3,000.00
 *  6 Cr 8405 IC revenue   4,600.00 (US)            16 Cr 8000 revenue      3,000.00
 *  7 Dr 4900 expenses     1,200.00
 *  8 Cr 1800 bank         1,200.00                 NL booked 9,950.00 of DE's 10,000.00 invoice.
 *
 * ACME-US (USD)                        translated (EUR)
 * 21 Dr 1010 cash     100,000.00   closing    x0.90 = 90,000.00
 * 22 Cr 3000 equity   100,000.00   historical x0.85 = 85,000.00
 * 23 Dr 5050 IC purch   5,000.00 (DE) average x0.92 =  4,600.00
 * 24 Cr 2100 IC pay     5,000.00 (DE) closing x0.90 =  4,500.00
 * 25 Dr 1200 AR        12,345.67   closing    x0.90 = 11,111.103  -> 11,111.10
 * 26 Cr 4000 sales     12,345.67   average    x0.92 = 11,358.0164 -> 11,358.02
 * 27 Dr 6000 opex         333.33   average    x0.92 =    306.6636 ->    306.66
 * 28 Cr 1010 cash         333.33   closing    x0.90 =    299.997  ->    300.00
 * 29 Dr 6000 opex           0.25   average    x0.92 =      0.23
 * 30 Cr 1010 cash           0.25   closing    x0.90 =      0.225   ->      0.22 (half-even; half-up 0.23)
 * </pre>
 */
final class SampleGroup {

    static final YearMonth PERIOD = YearMonth.of(2026, 10);
    static final LocalDate DAY = LocalDate.of(2026, 10, 15);
    static final String DE = "ACME-DE";
    static final String NL = "ACME-NL";
    static final String US = "ACME-US";

    static final String CASH = "1000";
    static final String RECEIVABLES = "1100";
    static final String IC_RECEIVABLES = "1200";
    static final String PAYABLES = "2000";
    static final String IC_PAYABLES = "2200";
    static final String CAPITAL = "3000";
    static final String RESERVE = "3900";
    static final String REVENUE = "4000";
    static final String IC_REVENUE = "4100";
    static final String EXPENSES = "5000";
    static final String IC_EXPENSES = "5100";
    static final String IC_DIFFERENCES = "8990";

    static final GroupChart CHART = GroupChart.of(
            new GroupAccount(CASH, "Cash and bank", ASSET),
            new GroupAccount(RECEIVABLES, "Trade receivables", ASSET),
            new GroupAccount(IC_RECEIVABLES, "Intercompany receivables", ASSET, IntercompanyRole.RECEIVABLE),
            new GroupAccount(PAYABLES, "Trade payables", LIABILITY),
            new GroupAccount(IC_PAYABLES, "Intercompany payables", LIABILITY, IntercompanyRole.PAYABLE),
            new GroupAccount(CAPITAL, "Share capital", EQUITY),
            new GroupAccount(RESERVE, "Translation reserve", EQUITY),
            new GroupAccount(REVENUE, "Revenue", INCOME),
            new GroupAccount(IC_REVENUE, "Intercompany revenue", INCOME, IntercompanyRole.REVENUE),
            new GroupAccount(EXPENSES, "Operating expenses", EXPENSE),
            new GroupAccount(IC_EXPENSES, "Intercompany expenses", EXPENSE, IntercompanyRole.EXPENSE),
            new GroupAccount(IC_DIFFERENCES, "Intercompany differences", EXPENSE));

    static final AccountMapping MAPPING = AccountMapping.of(
            rule(DE, "1800", CASH), rule(DE, "1590", IC_RECEIVABLES), rule(DE, "0800", CAPITAL),
            rule(DE, "8400", REVENUE), rule(DE, "8405", IC_REVENUE), rule(DE, "4900", EXPENSES),
            rule(NL, "1000", CASH), rule(NL, "1610", IC_PAYABLES), rule(NL, "0500", CAPITAL),
            rule(NL, "8000", REVENUE), rule(NL, "7010", IC_EXPENSES), rule(NL, "4000", EXPENSES),
            rule(US, "1010", CASH), rule(US, "1200", RECEIVABLES), rule(US, "1310", IC_RECEIVABLES),
            rule(US, "2100", IC_PAYABLES), rule(US, "3000", CAPITAL), rule(US, "4000", REVENUE),
            rule(US, "5050", IC_EXPENSES), rule(US, "6000", EXPENSES));

    static final ConsolidationGroup GROUP = new ConsolidationGroup("EUR",
            List.of(new LegalEntity(DE, "EUR"), new LegalEntity(NL, "EUR"), new LegalEntity(US, "USD")),
            CHART, MAPPING, RESERVE, IC_DIFFERENCES);

    static final ExchangeRate CLOSING = rate(RateType.CLOSING, "0.90");
    static final ExchangeRate AVERAGE = rate(RateType.AVERAGE, "0.92");
    static final ExchangeRate HISTORICAL = rate(RateType.HISTORICAL, "0.85");
    static final RateTable RATES = RateTable.of(CLOSING, AVERAGE, HISTORICAL);

    private SampleGroup() {
    }

    static List<SourceLine> lines() {
        List<SourceLine> lines = new ArrayList<>();
        lines.add(debit(1, DE, "1800", "50000.00"));
        lines.add(credit(2, DE, "0800", "50000.00"));
        lines.add(debit(3, DE, "1590", "10000.00", NL));
        lines.add(credit(4, DE, "8405", "10000.00", NL));
        lines.add(debit(5, DE, "1590", "4600.00", US));
        lines.add(credit(6, DE, "8405", "4600.00", US));
        lines.add(debit(7, DE, "4900", "1200.00"));
        lines.add(credit(8, DE, "1800", "1200.00"));

        lines.add(debit(11, NL, "1000", "20000.00"));
        lines.add(credit(12, NL, "0500", "20000.00"));
        lines.add(debit(13, NL, "7010", "9950.00", DE));
        lines.add(credit(14, NL, "1610", "9950.00", DE));
        lines.add(debit(15, NL, "1000", "3000.00"));
        lines.add(credit(16, NL, "8000", "3000.00"));

        lines.add(debit(21, US, "1010", "100000.00"));
        lines.add(credit(22, US, "3000", "100000.00"));
        lines.add(debit(23, US, "5050", "5000.00", DE));
        lines.add(credit(24, US, "2100", "5000.00", DE));
        lines.add(debit(25, US, "1200", "12345.67"));
        lines.add(credit(26, US, "4000", "12345.67"));
        lines.add(debit(27, US, "6000", "333.33"));
        lines.add(credit(28, US, "1010", "333.33"));
        lines.add(debit(29, US, "6000", "0.25"));
        lines.add(credit(30, US, "1010", "0.25"));
        return lines;
    }

    static AccountMappingRule rule(String entity, String local, String group) {
        return new AccountMappingRule(entity, local, group);
    }

    static ExchangeRate rate(RateType type, String rate) {
        return new ExchangeRate("USD", "EUR", type, PERIOD, new BigDecimal(rate));
    }

    static SourceLine debit(long id, String entity, String account, String amount) {
        return debit(id, entity, account, amount, null);
    }

    static SourceLine debit(long id, String entity, String account, String amount, String counterparty) {
        return new SourceLine(id, entity, account, new BigDecimal(amount), BigDecimal.ZERO, currency(entity),
                counterparty, DAY);
    }

    static SourceLine credit(long id, String entity, String account, String amount) {
        return credit(id, entity, account, amount, null);
    }

    static SourceLine credit(long id, String entity, String account, String amount, String counterparty) {
        return new SourceLine(id, entity, account, BigDecimal.ZERO, new BigDecimal(amount), currency(entity),
                counterparty, DAY);
    }

    static String currency(String entity) {
        return entity.equals(US) ? "USD" : "EUR";
    }
}
