package io.finbatch.mappings.rules;

import io.finbatch.mappings.journal.JournalEntryLine;
import io.finbatch.mappings.money.CurrencyUnits;
import io.finbatch.mappings.statement.StatementLine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps bank statement lines to journal lines with reviewed rules: the rules are tried in order and the
 * first whose conditions all hold wins. Only booked lines of a known account, in its ledger currency and
 * with a non-zero amount are mapped; every other line comes back {@link BankLineMapping.Unmatched} with
 * the reason, so nothing is dropped silently. Pure: no I/O, rules are loaded elsewhere.
 */
public final class BankLineRules {

    private final Map<String, BankAccount> accounts;
    private final List<BankLineRule> rules;

    public BankLineRules(List<BankAccount> accounts, List<BankLineRule> rules) {
        Map<String, BankAccount> byKey = new LinkedHashMap<>();
        for (BankAccount account : accounts) {
            if (byKey.put(account.key(), account) != null) {
                throw new IllegalArgumentException("bank account " + account.key() + " is defined twice");
            }
        }
        Set<String> names = new HashSet<>();
        for (BankLineRule rule : rules) {
            if (!names.add(rule.name())) {
                throw new IllegalArgumentException("rule name '" + rule.name() + "' is used twice (" + rule.origin() + ")");
            }
            for (String key : rule.match().accounts()) {
                if (!byKey.containsKey(key)) {
                    throw new IllegalArgumentException("rule '" + rule.name() + "' (" + rule.origin()
                            + ") names bank account " + key + ", which is not defined");
                }
            }
        }
        this.accounts = Map.copyOf(byKey);
        this.rules = List.copyOf(rules);
    }

    public List<BankLineRule> rules() {
        return rules;
    }

    public Map<String, BankAccount> accounts() {
        return accounts;
    }

    /** The mapping of one line of the statement of account {@code accountKey} (IBAN, else other id). */
    public BankLineMapping map(String accountKey, StatementLine line) {
        BankAccount account = accounts.get(accountKey);
        if (account == null) {
            return new BankLineMapping.Unmatched(accountKey, line, "no rules for bank account " + accountKey);
        }
        if (!line.booked()) {
            return new BankLineMapping.Unmatched(accountKey, line, "not booked (" + line.status() + ")");
        }
        if (line.amount() == null || line.amount().signum() == 0) {
            return new BankLineMapping.Unmatched(accountKey, line, "no amount to book");
        }
        if (account.currency() != null && !account.currency().equals(line.currency())) {
            return new BankLineMapping.Unmatched(accountKey, line, "line in " + line.currency()
                    + ", ledger of " + accountKey + " in " + account.currency());
        }
        for (BankLineRule rule : rules) {
            if (rule.match().matches(accountKey, line)) {
                return book(accountKey, line, account, rule);
            }
        }
        return new BankLineMapping.Unmatched(accountKey, line, "no rule matches");
    }

    /** Maps every line; the report keeps them in order and lists the unmatched ones. */
    public BankLineMappingReport mapAll(String accountKey, Iterable<StatementLine> lines) {
        List<BankLineMapping> mappings = new ArrayList<>();
        for (StatementLine line : lines) {
            mappings.add(map(accountKey, line));
        }
        return new BankLineMappingReport(mappings);
    }

    private static BankLineMapping.Matched book(String accountKey, StatementLine line, BankAccount account,
            BankLineRule rule) {
        BankLineTarget target = rule.target();
        String label = target.label() == null ? "" : target.label().render(line);
        if (label.isEmpty()) {
            label = rule.name(); // a journal line needs a label; the rule's name at least says where it came from
        }
        String partner = target.partner() == null ? null : blankToNull(target.partner().render(line));
        BigDecimal amount = CurrencyUnits.scaled(line.amount().abs(), line.currency());
        boolean moneyIn = line.amount().signum() > 0;
        JournalEntryLine bank = new JournalEntryLine(account.ledgerAccount(), partner, label,
                moneyIn ? amount : null, moneyIn ? null : amount, null, null, null);
        JournalEntryLine counter = new JournalEntryLine(target.account(), partner, label,
                moneyIn ? null : amount, moneyIn ? amount : null, null, null, target.analytic());
        return new BankLineMapping.Matched(accountKey, line, account, rule, bank, counter);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
