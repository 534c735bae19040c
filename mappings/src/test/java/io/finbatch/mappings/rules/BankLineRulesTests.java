package io.finbatch.mappings.rules;

import io.finbatch.mappings.journal.JournalEntryLine;
import io.finbatch.mappings.statement.Counterparty;
import io.finbatch.mappings.statement.EntryStatus;
import io.finbatch.mappings.statement.StatementLine;
import io.finbatch.mappings.statement.TransactionCode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BankLineRulesTests {

    private static final String DE = "DE89370400440532013000";
    private static final String NL = "NL91ABNA0417164300";
    private static final BankAccount DE_ACCOUNT = new BankAccount(DE, "ACME-DE", "101401", "EUR");
    private static final BankAccount NL_ACCOUNT = new BankAccount(NL, "ACME-NL", "1100", null);

    /** A booked EUR line from a German supplier, the base the tests change one field of. */
    private static StatementLine.Builder line() {
        return StatementLine.builder().bookingDate(LocalDate.of(2026, 10, 29)).valueDate(LocalDate.of(2026, 10, 29))
                .amount(new BigDecimal("-1250.00")).currency("EUR").endToEndId("INV-2026-1042")
                .counterparty(new Counterparty("Buero Bedarf GmbH", "DE44500105175407324931", null, "COBADEFFXXX"))
                .remittance("Rechnung 2026-1042 Bueromaterial")
                .transactionCode(new TransactionCode("PMNT", "ICDT", "ESCT", "177", "NTRF"))
                .location("line 12");
    }

    private static BankLineMatch.Builder when() {
        return new BankLineMatch.Builder();
    }

    private static BankLineRule rule(String name, BankLineMatch match) {
        return new BankLineRule(name, "test", match, new BankLineTarget("T-" + name, null, null, null));
    }

    private static BankLineRules rules(BankLineRule... rules) {
        return new BankLineRules(List.of(DE_ACCOUNT, NL_ACCOUNT), List.of(rules));
    }

    /** Name of the rule that books {@code line} on the DE account, or null when none does. */
    private static String winner(BankLineRules rules, StatementLine line) {
        return rules.map(DE, line) instanceof BankLineMapping.Matched m ? m.rule().name() : null;
    }

    private static boolean matches(BankLineMatch match, StatementLine line) {
        return winner(rules(rule("r", match)), line) != null;
    }

    @Test
    void matchesOnTheSign() {
        assertThat(matches(when().sign(Sign.DEBIT).build(), line().build())).isTrue();
        assertThat(matches(when().sign(Sign.CREDIT).build(), line().build())).isFalse();
        assertThat(matches(when().sign(Sign.CREDIT).build(), line().amount(new BigDecimal("8450.00")).build())).isTrue();
    }

    @Test
    void matchesOnTheReversalMark() {
        StatementLine reversal = line().amount(new BigDecimal("1250.00")).reversal(true).build();
        assertThat(matches(when().reversal(true).build(), reversal)).isTrue();
        assertThat(matches(when().reversal(false).build(), reversal)).isFalse();
        assertThat(matches(when().reversal(true).build(), line().build())).isFalse();
    }

    @Test
    void matchesOnEachPartOfTheTransactionCodeIgnoringCaseAndAnyOfAList() {
        StatementLine line = line().build();
        assertThat(matches(when().domains("pmnt").families("ICDT").subFamilies("ESCT").build(), line)).isTrue();
        assertThat(matches(when().families("RCDT").build(), line)).isFalse();
        assertThat(matches(when().subFamilies("XBCT").build(), line)).isFalse();
        assertThat(matches(when().proprietaryCodes("166", "177").build(), line)).isTrue();
        assertThat(matches(when().proprietaryCodes("166").build(), line)).isFalse();
        assertThat(matches(when().swiftCodes("ntrf").build(), line)).isTrue();
        assertThat(matches(when().swiftCodes("NDDT").build(), line)).isFalse();
        assertThat(matches(when().swiftCodes("NTRF").build(), line().transactionCode(null).build())).isFalse();
    }

    @Test
    void matchesTheCounterpartyNameAndAccountWithRegularExpressions() {
        StatementLine line = line().build();
        assertThat(matches(when().counterpartyName("(?i)bedarf").build(), line)).isTrue();
        assertThat(matches(when().counterpartyName("bedarf").build(), line)).isFalse();
        assertThat(matches(when().counterpartyIban("^DE44").build(), line)).isTrue();
        assertThat(matches(when().counterpartyIban("^GB").build(), line)).isFalse();
        StatementLine usAccount = line().counterparty(new Counterparty("Fabrikam Inc.", null, "021000021-4471123", null))
                .build();
        assertThat(matches(when().counterpartyIban("^021000021-").build(), usAccount)).isTrue();
        assertThat(matches(when().counterpartyName(".*").build(), line().counterparty(null).build())).isFalse();
    }

    @Test
    void matchesTheRemittanceAndAnyReference() {
        assertThat(matches(when().remittance("Rechnung \\d{4}-\\d+").build(), line().build())).isTrue();
        assertThat(matches(when().remittance("^Miete").build(), line().build())).isFalse();
        assertThat(matches(when().remittance(".").build(), line().remittance(null).build())).isFalse();
        assertThat(matches(when().reference("^INV-").build(), line().build())).isTrue();
        assertThat(matches(when().reference("^RF18").build(), line().structuredReference("RF18539007547034").build()))
                .isTrue();
        assertThat(matches(when().reference("^PO-").build(), line().customerReference("PO-77812").build())).isTrue();
        assertThat(matches(when().reference("^RF").build(), line().build())).isFalse();
    }

    @Test
    void matchesOurAccount() {
        BankLineRules rules = rules(rule("nl-only", when().accounts(NL).build()));
        assertThat(rules.map(NL, line().build())).isInstanceOf(BankLineMapping.Matched.class);
        assertThat(rules.map(DE, line().build())).isInstanceOf(BankLineMapping.Unmatched.class);
    }

    @Test
    void theFirstMatchingRuleWins() {
        BankLineRule rent = rule("rent", when().sign(Sign.DEBIT).remittance("(?i)miete").build());
        BankLineRule suppliers = rule("suppliers", when().sign(Sign.DEBIT).proprietaryCodes("177").build());
        StatementLine rentLine = line().remittance("Miete November 2026").build();
        assertThat(winner(rules(rent, suppliers), rentLine)).isEqualTo("rent");
        assertThat(winner(rules(suppliers, rent), rentLine)).isEqualTo("suppliers");
        assertThat(winner(rules(rent, suppliers), line().build())).isEqualTo("suppliers");
    }

    @Test
    void booksMoneyOutAgainstTheTargetWithPartnerLabelAndAnalytic() {
        BankLineRule rule = new BankLineRule("suppliers", "test", BankLineMatch.ANY, new BankLineTarget("211000",
                LabelTemplate.parse("{counterparty}"), "DE-ADMIN", LabelTemplate.parse("Payment {end_to_end_id}")));
        BankLineMapping.Matched matched = (BankLineMapping.Matched) rules(rule).map(DE, line().build());
        assertThat(matched.account()).isEqualTo(DE_ACCOUNT);
        assertThat(matched.bankLine()).isEqualTo(new JournalEntryLine("101401", "Buero Bedarf GmbH",
                "Payment INV-2026-1042", null, new BigDecimal("1250.00"), null, null, null));
        assertThat(matched.counterLine()).isEqualTo(new JournalEntryLine("211000", "Buero Bedarf GmbH",
                "Payment INV-2026-1042", new BigDecimal("1250.00"), null, null, null, "DE-ADMIN"));
    }

    @Test
    void booksMoneyInOnTheBankDebitAndNamesTheLineAfterTheRuleWithoutALabel() {
        BankLineMapping.Matched matched = (BankLineMapping.Matched) rules(rule("receipts", BankLineMatch.ANY))
                .map(DE, line().amount(new BigDecimal("450")).remittance(null).endToEndId(null).build());
        assertThat(matched.bankLine().debit()).isEqualByComparingTo("450.00");
        assertThat(matched.bankLine().debit().scale()).isEqualTo(2);
        assertThat(matched.bankLine().credit()).isZero();
        assertThat(matched.counterLine().credit()).isEqualByComparingTo("450.00");
        assertThat(matched.counterLine().accountCode()).isEqualTo("T-receipts");
        assertThat(matched.counterLine().label()).isEqualTo("receipts");
        assertThat(matched.counterLine().partnerName()).isNull();
    }

    @Test
    void listsWhatItCannotBookWithTheReason() {
        BankLineRules rules = rules(rule("suppliers", when().proprietaryCodes("177").build()));
        StatementLine pending = line().status(EntryStatus.PENDING).build();
        StatementLine usd = line().currency("USD").build();
        StatementLine other = line().transactionCode(new TransactionCode(null, null, null, "105", "NDDT")).build();
        BankLineMappingReport report = rules.mapAll(DE, List.of(line().build(), pending, usd, other));
        assertThat(report.matched()).hasSize(1);
        assertThat(report.unmatched()).extracting(BankLineMapping.Unmatched::reason)
                .containsExactly("not booked (PENDING)", "line in USD, ledger of " + DE + " in EUR", "no rule matches");
        assertThat(report.unmatchedListing().get(2)).isEqualTo(DE
                + " 2026-10-29 -1250.00 EUR Buero Bedarf GmbH \"Rechnung 2026-1042 Bueromaterial\" (line 12): no rule matches");
        assertThat(rules.map("FR7630006000011234567890189", line().build()))
                .isEqualTo(new BankLineMapping.Unmatched("FR7630006000011234567890189", line().build(),
                        "no rules for bank account FR7630006000011234567890189"));
        // an account without a ledger currency takes lines of any currency
        assertThat(rules.map(NL, usd)).isInstanceOf(BankLineMapping.Matched.class);
    }

    @Test
    void refusesAmbiguousDefinitions() {
        assertThatThrownBy(() -> new BankLineRules(List.of(DE_ACCOUNT, DE_ACCOUNT), List.of()))
                .hasMessage("bank account " + DE + " is defined twice");
        assertThatThrownBy(() -> rules(rule("a", BankLineMatch.ANY), rule("a", BankLineMatch.ANY)))
                .hasMessage("rule name 'a' is used twice (test)");
        assertThatThrownBy(() -> rules(rule("a", when().accounts("BE68539007547034").build())))
                .hasMessage("rule 'a' (test) names bank account BE68539007547034, which is not defined");
        assertThatThrownBy(() -> new BankLineTarget(" ", null, null, null)).hasMessage("a target needs an account");
    }

    @Test
    void normalisesCodesToUpperCaseAndKeepsThemImmutable() {
        BankLineMatch match = when().proprietaryCodes("177").swiftCodes(" ntrf ").build();
        assertThat(match.proprietaryCodes()).isEqualTo(Set.of("177"));
        assertThat(match.swiftCodes()).isEqualTo(Set.of("NTRF"));
        assertThat(match.accounts()).isEmpty();
        assertThatThrownBy(() -> match.proprietaryCodes().add("166")).isInstanceOf(UnsupportedOperationException.class);
    }
}
