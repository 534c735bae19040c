package io.finbatch.readers.camt;

import io.finbatch.readers.StatementFormat;
import io.finbatch.readers.StatementParser;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * ISO 20022 camt.052 / camt.053 / camt.054, every version (01 to 13). Accepts any XML document: whether
 * it really is a camt message is decided by the parser, which then names what is wrong.
 */
public final class CamtFormat implements StatementFormat {

    @Override
    public String name() {
        return "camt";
    }

    @Override
    public boolean accepts(byte[] head, int length) {
        if (length >= 4 && isUtf16Bom(head)) {
            return true;
        }
        String text = new String(head, 0, length, StandardCharsets.ISO_8859_1).stripLeading();
        return text.startsWith("<") || text.startsWith("\u00EF\u00BB\u00BF<");
    }

    private static boolean isUtf16Bom(byte[] head) {
        int b0 = head[0] & 0xFF;
        int b1 = head[1] & 0xFF;
        return (b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE);
    }

    /** Opens a streaming parser; reads up to the message element so that {@code format()} is final. */
    @Override
    public StatementParser open(InputStream in, String fileName) {
        return CamtParser.open(in, fileName);
    }
}
