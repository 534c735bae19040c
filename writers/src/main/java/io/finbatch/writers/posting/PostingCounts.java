package io.finbatch.writers.posting;

/** Outcome of a posting run: records created in Odoo, already there, skipped, booked on another date. */
public record PostingCounts(long posted, long alreadyPresent, long skipped, long dateMoved) {
}
