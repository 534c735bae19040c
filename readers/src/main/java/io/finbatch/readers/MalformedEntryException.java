package io.finbatch.readers;

/**
 * One entry of a statement cannot be read, but the reader has moved past it and can go on with the
 * next one. The import job skips such entries into the exception queue (within its skip limit);
 * {@code parse} rejects the file.
 */
public class MalformedEntryException extends StatementFormatException {

    private final String snippet;

    public MalformedEntryException(String file, String location, String reason, String snippet) {
        super(file, location, reason);
        this.snippet = snippet;
    }

    /** The raw text of the entry (may contain account numbers: mask before showing it). */
    public String snippet() {
        return snippet;
    }
}
