package io.finbatch.readers;

/**
 * A source file that cannot be read (a statement, a ledger export, a rules or group file): the message
 * always names the file, the place in it (line and column, or XML path) and the reason.
 */
public class SourceFileException extends RuntimeException {

    private final String file;
    private final String location;
    private final String reason;

    public SourceFileException(String file, String location, String reason) {
        this(file, location, reason, null);
    }

    public SourceFileException(String file, String location, String reason, Throwable cause) {
        super(file + ": " + (location == null ? "" : location + ": ") + reason, cause);
        this.file = file;
        this.location = location;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    /** Line number ({@code line 12}), line and column, or XML path; may be null. */
    public String location() {
        return location;
    }

    public String reason() {
        return reason;
    }
}
