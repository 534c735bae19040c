package io.finbatch.readers;

import java.io.InputStream;

/** One file format: recognises its files from their first bytes and opens a parser over them. */
public interface StatementFormat {

    /** Short name for messages: {@code MT940/MT942}, {@code camt}. */
    String name();

    /** True when the file's first bytes (at most a few KB; fewer for a small file) look like this format. */
    boolean accepts(byte[] head, int length);

    /** Opens a parser over the whole file; {@code fileName} is used in error messages only. */
    StatementParser open(InputStream in, String fileName);
}
