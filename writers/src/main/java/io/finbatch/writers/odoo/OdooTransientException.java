package io.finbatch.writers.odoo;

/** Odoo could not be reached or was overloaded (HTTP 429/502/503/504, timeouts, connection reset) and the retries ran out. */
public class OdooTransientException extends OdooException {

    public OdooTransientException(String errorName, String message, Throwable cause) {
        super(errorName, message, cause);
    }
}
