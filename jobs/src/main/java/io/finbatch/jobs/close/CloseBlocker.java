package io.finbatch.jobs.close;

/**
 * One reason the period cannot be closed yet.
 *
 * @param check   {@code STATEMENTS}, {@code OUTBOX}, {@code EXCEPTIONS}, {@code ODOO_UNRECONCILED}, {@code POSTING}
 * @param subject what it is about: the account (masked), the outbox item, the Odoo statement line
 * @param detail  the words a person acts on
 */
public record CloseBlocker(String check, String subject, String detail) {

    @Override
    public String toString() {
        return check + ": " + detail;
    }
}
