package io.finbatch.jobs.banklines;

import io.finbatch.mappings.rules.BankLineMapping;

import java.time.LocalDate;

/**
 * What the rules made of a staged line: MATCHED (with the rule's two journal lines, the entity and the
 * entry date), UNMATCHED (with the reason, account numbers masked), or PERIOD_LOCKED (matched, but dated in
 * a LOCKED period of its entity: nothing goes to the journal; the reason says which period).
 */
record MappedLine(StagedLine staged, Outcome outcome, BankLineMapping.Matched matched, String entity,
        LocalDate date, String reason) {

    enum Outcome { MATCHED, UNMATCHED, PERIOD_LOCKED }

    static MappedLine matched(StagedLine staged, BankLineMapping.Matched matched, LocalDate date) {
        return new MappedLine(staged, Outcome.MATCHED, matched, matched.account().entity(), date, null);
    }

    static MappedLine unmatched(StagedLine staged, String reason) {
        return new MappedLine(staged, Outcome.UNMATCHED, null, null, null, reason);
    }

    static MappedLine locked(StagedLine staged, BankLineMapping.Matched matched, LocalDate date, String reason) {
        return new MappedLine(staged, Outcome.PERIOD_LOCKED, matched, matched.account().entity(), date, reason);
    }
}
