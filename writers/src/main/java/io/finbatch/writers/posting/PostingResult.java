package io.finbatch.writers.posting;

import java.time.LocalDate;

/** What became of one outbox item sent to Odoo. */
public sealed interface PostingResult {

    OutboxItem item();

    /**
     * In Odoo as record {@code odooId}, booked on {@code odooDate}; {@code alreadyPresent} when it was there before.
     * {@code odooDate} is null for a record created by this posting: the dates Odoo booked are read back afterwards,
     * many at a time ({@link OdooBatchPoster#bookedDates}).
     */
    record Confirmed(OutboxItem item, long odooId, LocalDate odooDate, boolean alreadyPresent) implements PostingResult {
    }

    /** Refused, with Odoo's message or ours: goes to the posting exception queue. */
    record Skipped(OutboxItem item, String reason) implements PostingResult {
    }
}
