package io.finbatch.writers.odoo;

/** Odoo refused the record (UserError, ValidationError, MissingError, a constraint): skip it into the exception queue with this message. */
public class OdooBusinessException extends OdooException {

    public OdooBusinessException(String errorName, String message, Throwable cause) {
        super(errorName, message, cause);
    }
}
