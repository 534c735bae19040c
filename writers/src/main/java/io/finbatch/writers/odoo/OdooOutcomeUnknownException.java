package io.finbatch.writers.odoo;

/**
 * A call that changes data ({@code create}, {@code write}, {@code action_post}, any {@link OdooClient#call})
 * reached Odoo, or may have, and no answer came back (connection closed or reset, read timeout, HTTP
 * 502/504 from a proxy). Odoo may have committed it, so the client does not retry: the caller must look
 * for its business key (e.g. the entry's {@code ref}) before sending it again.
 */
public class OdooOutcomeUnknownException extends OdooTransientException {

    public OdooOutcomeUnknownException(String errorName, String message, Throwable cause) {
        super(errorName, message, cause);
    }

    /** Always true: the change may be in Odoo; reconcile before resending. */
    public boolean mayHaveCommitted() {
        return true;
    }
}
