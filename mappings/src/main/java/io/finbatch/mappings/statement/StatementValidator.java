package io.finbatch.mappings.statement;

import io.finbatch.mappings.money.CurrencyUnits;
import io.finbatch.mappings.money.Iban;
import io.finbatch.mappings.money.Masking;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules a statement must pass before any of it is staged: a valid account (IBAN mod-97), ISO 4217
 * currencies, lines with an amount and a value date, and balances that add up
 * (opening + booked lines = closing). Each method returns the problems found, empty when none.
 */
public final class StatementValidator {

    public List<ValidationProblem> checkHeader(StatementHeader header) {
        List<ValidationProblem> problems = new ArrayList<>();
        String where = header.location();
        AccountId account = header.account();
        if (account == null || (account.iban() == null && account.other() == null)) {
            problems.add(new ValidationProblem(where, "statement " + header.index() + " names no account"));
        } else if (account.iban() != null && !Iban.isValid(account.iban())) {
            problems.add(new ValidationProblem(where, "account IBAN " + Masking.maskAccount(account.iban())
                    + " fails the IBAN check (mod-97)"));
        } else if (account.iban() == null && Iban.looksLikeIban(account.other()) && !Iban.isValid(account.other())) {
            problems.add(new ValidationProblem(where, "account " + Masking.maskAccount(account.other())
                    + " looks like an IBAN but fails the IBAN check (mod-97)"));
        }
        if (account != null && account.currency() != null && !CurrencyUnits.isIsoCode(account.currency())) {
            problems.add(new ValidationProblem(where, "unknown currency code '" + account.currency() + "' (ISO 4217)"));
        }
        return problems;
    }

    public List<ValidationProblem> checkLine(StatementHeader header, StatementLine line) {
        List<ValidationProblem> problems = new ArrayList<>();
        String where = line.location();
        if (line.amount() == null) {
            problems.add(new ValidationProblem(where, "line has no amount"));
        }
        if (line.valueDate() == null && line.bookingDate() == null) {
            problems.add(new ValidationProblem(where, "line has neither a value date nor a booking date"));
        }
        if (line.currency() == null) {
            problems.add(new ValidationProblem(where, "line has no currency"));
        } else if (!CurrencyUnits.isIsoCode(line.currency())) {
            problems.add(new ValidationProblem(where, "unknown currency code '" + line.currency() + "' (ISO 4217)"));
        } else {
            String statementCurrency = header.account() == null ? null : header.account().currency();
            if (statementCurrency != null && !statementCurrency.equals(line.currency())) {
                problems.add(new ValidationProblem(where, "line currency " + line.currency()
                        + " differs from the account currency " + statementCurrency));
            }
        }
        return problems;
    }

    public List<ValidationProblem> checkEnd(StatementHeader header, StatementTrailer trailer, BalanceCheck check) {
        List<ValidationProblem> problems = new ArrayList<>();
        for (Balance balance : new Balance[] {trailer.openingBalance(), trailer.closingBalance(),
                trailer.availableBalance()}) {
            if (balance != null && balance.currency() != null && !CurrencyUnits.isIsoCode(balance.currency())) {
                problems.add(new ValidationProblem(header.location(), "balance " + balance.type()
                        + " has an unknown currency code '" + balance.currency() + "' (ISO 4217)"));
            }
        }
        if (check != null && !check.ok()) {
            BigDecimal opening = trailer.openingBalance().amount();
            BigDecimal closing = trailer.closingBalance().amount();
            problems.add(new ValidationProblem(header.location(), "statement " + describe(header)
                    + " does not balance: opening " + opening.toPlainString() + " + lines "
                    + closing.subtract(opening).subtract(check.difference()).toPlainString()
                    + " != closing " + closing.toPlainString()
                    + " (difference " + check.difference().toPlainString() + ")"));
        }
        return problems;
    }

    private static String describe(StatementHeader header) {
        return header.id() == null ? "#" + header.index() : "'" + header.id() + "' (#" + header.index() + ")";
    }
}
