package io.finbatch.odoosandbox;

import java.util.List;

/**
 * An error as Odoo reports it: the Python exception's qualified name, its message, its {@code args}, and the
 * HTTP status JSON-2 answers it with (JSON-RPC always answers 200 with an {@code error} member).
 */
public final class OdooError extends RuntimeException {

    public static final String USER_ERROR = "odoo.exceptions.UserError";
    public static final String VALIDATION_ERROR = "odoo.exceptions.ValidationError";
    public static final String ACCESS_DENIED = "odoo.exceptions.AccessDenied";
    public static final String ACCESS_ERROR = "odoo.exceptions.AccessError";
    public static final String MISSING_ERROR = "odoo.exceptions.MissingError";
    public static final String REDIRECT_WARNING = "odoo.exceptions.RedirectWarning";

    private final String name;
    private final List<Object> arguments;
    private final int httpStatus;

    public OdooError(String name, String message, List<Object> arguments, int httpStatus) {
        super(message);
        this.name = name;
        this.arguments = arguments;
        this.httpStatus = httpStatus;
    }

    public String name() {
        return name;
    }

    public List<Object> arguments() {
        return arguments;
    }

    /** The status JSON-2 answers with: {@code http_status} of Odoo's exception classes, 500 for Python built-ins. */
    public int httpStatus() {
        return httpStatus;
    }

    public static OdooError userError(String message) {
        return new OdooError(USER_ERROR, message, List.of(message), 422);
    }

    public static OdooError validation(String message) {
        return new OdooError(VALIDATION_ERROR, message, List.of(message), 422);
    }

    public static OdooError accessDenied() {
        return new OdooError(ACCESS_DENIED, "Access Denied", List.of("Access Denied"), 403);
    }

    public static OdooError accessError(String message) {
        return new OdooError(ACCESS_ERROR, message, List.of(message), 403);
    }

    public static OdooError missing(String model, List<Long> ids) {
        String message = "Record does not exist or has been deleted.\n(Record: " + model + PyRepr.idTuple(ids)
                + ", User: " + OdooSandbox.ADMIN_UID + ")";
        return new OdooError(MISSING_ERROR, message, List.of(message), 404);
    }

    /** A Python built-in raised inside Odoo ({@code builtins.ValueError}...): JSON-2 answers 500. */
    public static OdooError builtin(String type, String message) {
        return new OdooError("builtins." + type, message, List.of(message), 500);
    }

    /** A werkzeug HTTP exception raised by the JSON-2 controller: its arguments are (description, code). */
    public static OdooError http(String werkzeugName, String description, int status) {
        return new OdooError("werkzeug.exceptions." + werkzeugName, description, List.of(description, status), status);
    }

    /**
     * {@code RedirectWarning(message, action, button_text)}: Odoo's message is {@code str()} of the exception,
     * i.e. its four args joined by new lines, the action as a Python dict repr.
     */
    public static OdooError redirectWarning(String message, java.util.Map<String, Object> action, String button) {
        String full = message + "\n" + PyRepr.repr(action) + "\n" + button + "\nNone";
        java.util.List<Object> args = new java.util.ArrayList<>();
        args.add(message);
        args.add(action);
        args.add(button);
        args.add(null);
        // RedirectWarning has no http_status in Odoo 19: JSON-2 answers it with 500 (seen on a real 19.0)
        return new OdooError(REDIRECT_WARNING, full, args, 500);
    }
}
