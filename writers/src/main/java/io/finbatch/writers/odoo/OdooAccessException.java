package io.finbatch.writers.odoo;

/** Credentials or rights refused (AccessDenied, AccessError, HTTP 401/403, authenticate answering false): stop the job, no retry. */
public class OdooAccessException extends OdooException {

    public OdooAccessException(String errorName, String message, Throwable cause) {
        super(errorName, message, cause);
    }
}
