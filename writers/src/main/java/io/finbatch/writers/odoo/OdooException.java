package io.finbatch.writers.odoo;

/**
 * A failed Odoo call. {@code errorName} is Odoo's exception name as it sent it
 * ({@code odoo.exceptions.UserError}, {@code werkzeug.exceptions.Unauthorized}...) or null for transport
 * failures; the message is Odoo's own message, never containing the API key.
 */
public abstract class OdooException extends RuntimeException {

    private final String errorName;

    protected OdooException(String errorName, String message, Throwable cause) {
        super(message, cause);
        this.errorName = errorName;
    }

    public String errorName() {
        return errorName;
    }
}
