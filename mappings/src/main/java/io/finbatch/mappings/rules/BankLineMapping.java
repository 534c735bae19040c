package io.finbatch.mappings.rules;

import io.finbatch.mappings.journal.JournalEntryLine;
import io.finbatch.mappings.statement.StatementLine;

/** What the rules make of one statement line: two journal lines, or the reason there are none. */
public sealed interface BankLineMapping {

    String accountKey();

    StatementLine line();

    /**
     * The first rule that matched, and the balanced pair it books: the bank account's ledger line and the
     * counter line, in the ledger's currency (money in debits the bank).
     */
    record Matched(String accountKey, StatementLine line, BankAccount account, BankLineRule rule,
            JournalEntryLine bankLine, JournalEntryLine counterLine) implements BankLineMapping {
    }

    /** No journal lines: no rule matched, or the line cannot be booked (pending, unknown account...). */
    record Unmatched(String accountKey, StatementLine line, String reason) implements BankLineMapping {
    }
}
