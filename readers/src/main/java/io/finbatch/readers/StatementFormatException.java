package io.finbatch.readers;

/**
 * A bank statement file that cannot be read: broken syntax, a missing mandatory field, a forbidden DTD.
 * The message always names the file, the place in it (line number or XML path) and the reason.
 */
public class StatementFormatException extends SourceFileException {

    public StatementFormatException(String file, String location, String reason) {
        super(file, location, reason);
    }

    public StatementFormatException(String file, String location, String reason, Throwable cause) {
        super(file, location, reason, cause);
    }
}
