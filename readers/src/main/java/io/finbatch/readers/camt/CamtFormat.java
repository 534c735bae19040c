package io.finbatch.readers.camt;

import io.finbatch.readers.StatementFormat;
import io.finbatch.readers.StatementParser;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** ISO 20022 camt.052 / camt.053 / camt.054, every version. */
public final class CamtFormat implements StatementFormat {

    @Override
    public String name() {
        return "camt";
    }

    @Override
    public boolean accepts(byte[] head, int length) {
        String text = new String(head, 0, length, StandardCharsets.ISO_8859_1).stripLeading();
        return text.startsWith("<") || text.startsWith("\uFEFF<") || text.startsWith("\u00EF\u00BB\u00BF<");
    }

    @Override
    public StatementParser open(InputStream in, String fileName) {
        throw new UnsupportedOperationException("camt parser not written yet");
    }
}
