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

    /**
     * What could be read of the entry: its raw text (MT940) or a summary of the fields read (camt, which
     * streams and keeps no raw XML). May contain account numbers: mask before showing it.
     */
    public String snippet() {
        return snippet;
    }
}
