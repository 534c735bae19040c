package io.finbatch.jobs.ledgerimport;

import io.finbatch.mappings.journal.LedgerLine;

/** A line dated in a LOCKED period of its entity: skipped into the exception queue, never written. */
class PeriodLockedException extends RuntimeException {

    private final LedgerLine line;

    PeriodLockedException(LedgerLine line, String period) {
        super("period locked: " + line.entity() + " " + period + " is LOCKED (line " + line.lineId() + " dated "
                + line.date() + ")");
        this.line = line;
    }

    LedgerLine line() {
        return line;
    }
}
