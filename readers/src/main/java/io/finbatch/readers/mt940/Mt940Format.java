package io.finbatch.readers.mt940;

import io.finbatch.readers.StatementFormat;
import io.finbatch.readers.StatementParser;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** SWIFT MT940 / MT942. */
public final class Mt940Format implements StatementFormat {

    @Override
    public String name() {
        return "MT940/MT942";
    }

    @Override
    public boolean accepts(byte[] head, int length) {
        String text = new String(head, 0, length, StandardCharsets.ISO_8859_1);
        return text.contains(":20:") || text.contains(":25:") || text.contains(":61:");
    }

    @Override
    public StatementParser open(InputStream in, String fileName) {
        throw new UnsupportedOperationException("MT940 parser not written yet");
    }
}
