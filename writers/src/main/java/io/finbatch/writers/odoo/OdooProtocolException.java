package io.finbatch.writers.odoo;

/** An answer that is not what Odoo's API answers (bad JSON, an unknown shape, an unexpected HTTP status). */
public class OdooProtocolException extends OdooException {

    public OdooProtocolException(String errorName, String message, Throwable cause) {
        super(errorName, message, cause);
    }
}
