package io.finbatch.mappings.rules;

import io.finbatch.mappings.statement.Counterparty;
import io.finbatch.mappings.statement.StatementLine;
import io.finbatch.mappings.statement.TransactionCode;

import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The conditions of a rule; a line matches when it meets every condition that is set (null or empty =
 * any). Code sets match one of their values, ignoring case. Patterns are searched for anywhere in the
 * text ({@link java.util.regex.Matcher#find()}; anchor with {@code ^...$}); a line without the text
 * does not match a pattern.
 *
 * @param accounts          keys of our bank accounts the rule applies to
 * @param sign              money in ({@code CREDIT}) or out ({@code DEBIT})
 * @param reversal          whether the line must (true) or must not (false) be a reversal
 * @param counterpartyName  searched in the counterparty's name
 * @param counterpartyIban  searched in the counterparty's IBAN, else its other account id
 * @param remittance        searched in the unstructured remittance information
 * @param reference         searched in the structured creditor reference, the end-to-end id and the
 *                          customer reference: one of them is enough
 */
public record BankLineMatch(Set<String> accounts, Sign sign, Boolean reversal, Set<String> domains,
        Set<String> families, Set<String> subFamilies, Set<String> proprietaryCodes, Set<String> swiftCodes,
        Pattern counterpartyName, Pattern counterpartyIban, Pattern remittance, Pattern reference) {

    /** Matches every line. */
    public static final BankLineMatch ANY = new Builder().build();

    public BankLineMatch {
        accounts = accounts == null ? Set.of() : Set.copyOf(accounts);
        domains = upper(domains);
        families = upper(families);
        subFamilies = upper(subFamilies);
        proprietaryCodes = upper(proprietaryCodes);
        swiftCodes = upper(swiftCodes);
    }

    public boolean matches(String accountKey, StatementLine line) {
        TransactionCode code = line.transactionCode();
        Counterparty party = line.counterparty();
        return (accounts.isEmpty() || accounts.contains(accountKey))
                && (sign == null || sign == Sign.of(line.amount()))
                && (reversal == null || reversal == line.reversal())
                && code(domains, code, TransactionCode::domain)
                && code(families, code, TransactionCode::family)
                && code(subFamilies, code, TransactionCode::subFamily)
                && code(proprietaryCodes, code, TransactionCode::proprietary)
                && code(swiftCodes, code, TransactionCode::swift)
                && found(counterpartyName, party == null ? null : party.name())
                && found(counterpartyIban, LabelTemplate.counterpartyAccount(line))
                && found(remittance, line.remittance())
                && (reference == null || found(reference, line.structuredReference())
                        || found(reference, line.endToEndId()) || found(reference, line.customerReference()));
    }

    private static boolean code(Set<String> wanted, TransactionCode code, Function<TransactionCode, String> part) {
        if (wanted.isEmpty()) {
            return true;
        }
        String value = code == null ? null : part.apply(code);
        return value != null && wanted.contains(value.trim().toUpperCase(Locale.ROOT));
    }

    private static boolean found(Pattern pattern, String text) {
        return pattern == null || (text != null && pattern.matcher(text).find());
    }

    private static Set<String> upper(Set<String> codes) {
        return codes == null ? Set.of()
                : codes.stream().map(c -> c.trim().toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** Sets the conditions one by one; regular expressions are compiled here (a bad one throws). */
    public static final class Builder {
        private Set<String> accounts;
        private Sign sign;
        private Boolean reversal;
        private Set<String> domains;
        private Set<String> families;
        private Set<String> subFamilies;
        private Set<String> proprietaryCodes;
        private Set<String> swiftCodes;
        private Pattern counterpartyName;
        private Pattern counterpartyIban;
        private Pattern remittance;
        private Pattern reference;

        public Builder accounts(String... keys) { return accounts(Set.of(keys)); }
        public Builder accounts(Set<String> v) { accounts = v; return this; }
        public Builder sign(Sign v) { sign = v; return this; }
        public Builder reversal(Boolean v) { reversal = v; return this; }
        public Builder domains(String... v) { return domains(Set.of(v)); }
        public Builder domains(Set<String> v) { domains = v; return this; }
        public Builder families(String... v) { return families(Set.of(v)); }
        public Builder families(Set<String> v) { families = v; return this; }
        public Builder subFamilies(String... v) { return subFamilies(Set.of(v)); }
        public Builder subFamilies(Set<String> v) { subFamilies = v; return this; }
        public Builder proprietaryCodes(String... v) { return proprietaryCodes(Set.of(v)); }
        public Builder proprietaryCodes(Set<String> v) { proprietaryCodes = v; return this; }
        public Builder swiftCodes(String... v) { return swiftCodes(Set.of(v)); }
        public Builder swiftCodes(Set<String> v) { swiftCodes = v; return this; }
        public Builder counterpartyName(String regex) { return counterpartyName(compile(regex)); }
        public Builder counterpartyName(Pattern v) { counterpartyName = v; return this; }
        public Builder counterpartyIban(String regex) { return counterpartyIban(compile(regex)); }
        public Builder counterpartyIban(Pattern v) { counterpartyIban = v; return this; }
        public Builder remittance(String regex) { return remittance(compile(regex)); }
        public Builder remittance(Pattern v) { remittance = v; return this; }
        public Builder reference(String regex) { return reference(compile(regex)); }
        public Builder reference(Pattern v) { reference = v; return this; }

        public BankLineMatch build() {
            return new BankLineMatch(accounts, sign, reversal, domains, families, subFamilies, proprietaryCodes,
                    swiftCodes, counterpartyName, counterpartyIban, remittance, reference);
        }

        private static Pattern compile(String regex) {
            return regex == null ? null : Pattern.compile(regex);
        }
    }
}
