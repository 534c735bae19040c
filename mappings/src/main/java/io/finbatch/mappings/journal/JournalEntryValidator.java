package io.finbatch.mappings.journal;

import java.util.ArrayList;
import java.util.List;

/** An entry must have lines, each on one side only, and debits equal to credits. */
public final class JournalEntryValidator {

    public List<String> problems(JournalEntry entry) {
        List<String> problems = new ArrayList<>();
        if (entry.lines().size() < 2) {
            problems.add("entry " + entry.entryKey() + " has fewer than two lines");
        }
        for (int i = 0; i < entry.lines().size(); i++) {
            JournalEntryLine line = entry.lines().get(i);
            if (line.debit().signum() < 0 || line.credit().signum() < 0) {
                problems.add("entry " + entry.entryKey() + " line " + (i + 1) + " has a negative amount");
            }
            if (line.debit().signum() != 0 && line.credit().signum() != 0) {
                problems.add("entry " + entry.entryKey() + " line " + (i + 1) + " has both a debit and a credit");
            }
            if (line.accountCode() == null || line.accountCode().isBlank()) {
                problems.add("entry " + entry.entryKey() + " line " + (i + 1) + " has no account");
            }
        }
        if (entry.totalDebit().compareTo(entry.totalCredit()) != 0) {
            problems.add("entry " + entry.entryKey() + " is not balanced: debit " + entry.totalDebit().toPlainString()
                    + " != credit " + entry.totalCredit().toPlainString());
        }
        return problems;
    }
}
