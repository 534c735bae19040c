package io.finbatch.readers;

/**
 * A statement file that cannot be read: broken syntax, a missing mandatory field, a forbidden DTD.
 * The message always names the file, the place in it (line number or XML path) and the reason.
 */
public class StatementFormatException extends RuntimeException {

    private final String file;
    private final String location;
    private final String reason;

    public StatementFormatException(String file, String location, String reason) {
        this(file, location, reason, null);
    }

    public StatementFormatException(String file, String location, String reason, Throwable cause) {
        super(file + ": " + (location == null ? "" : location + ": ") + reason, cause);
        this.file = file;
        this.location = location;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    /** Line number ({@code line 12}) or XML path ({@code /Document/BkToCstmrStmt/Stmt[1]/Ntry[4]}); may be null. */
    public String location() {
        return location;
    }

    public String reason() {
        return reason;
    }
}
