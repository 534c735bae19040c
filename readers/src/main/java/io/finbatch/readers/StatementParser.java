package io.finbatch.readers;

import io.finbatch.mappings.statement.StatementEvent;

/**
 * Streams one statement file as events in file order: {@code Started}, its {@code Line}s, {@code Ended},
 * then the next statement. Holds no more than one entry in memory.
 */
public interface StatementParser extends AutoCloseable {

    /** The detected format, e.g. {@code mt940}, {@code mt942}, {@code camt.053.001.08}. May be refined while reading. */
    String format();

    /**
     * The next event, or null at the end of the file.
     *
     * @throws MalformedEntryException one entry is unreadable; the parser has moved past it and the next
     *                                 call goes on with the following entry
     * @throws StatementFormatException the file cannot be read any further
     */
    StatementEvent next();

    @Override
    void close();
}
