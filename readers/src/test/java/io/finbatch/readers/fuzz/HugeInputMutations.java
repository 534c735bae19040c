package io.finbatch.readers.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Oversized input: a huge field on one line, a field of endless continuation lines, a huge XML text or
 * attribute, and deeply nested elements. Sizes are random up to {@code maxBytes}; the heap test uses the
 * same shapes at 10 MB.
 */
final class HugeInputMutations {

    private final int maxBytes;

    HugeInputMutations(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    List<Mutation> all() {
        return List.of(
                Mutation.of("huge-field", (seed, random) -> hugeField(seed, size(random))),
                Mutation.of("endless-continuation", (seed, random) -> endlessContinuation(seed, size(random))),
                Mutation.of("huge-attribute", (seed, random) -> hugeAttribute(seed, size(random))),
                Mutation.of("deep-nesting", (seed, random) -> deepNesting(seed, depth(random), random.nextBoolean())));
    }

    private int size(Random random) {
        return 1 + random.nextInt(maxBytes);
    }

    private int depth(Random random) {
        return 1 + random.nextInt(Math.max(1, maxBytes / 8));
    }

    /** {@code bytes} more characters in one field: on the {@code :86:} line (MT940) or in the first element text (camt). */
    static Mutant hugeField(byte[] seed, int bytes) {
        String text = latin1(seed);
        byte[] filler = Splice.repeat("Rechnung 4711 ", bytes);
        int at;
        if (Splice.looksLikeXml(seed)) {
            at = text.indexOf("</Ustrd>");
            if (at < 0) {
                at = text.indexOf("</Id>");
            }
        } else {
            int field = text.indexOf(":86:");
            at = field < 0 ? -1 : endOfLine(text, field);
        }
        at = at < 0 ? seed.length : at;
        return new Mutant(Splice.insert(seed, at, filler), bytes + " bytes of text added to one field at byte " + at);
    }

    /** A {@code :86:} followed by {@code bytes} of 65-character continuation lines; XML gets many text nodes. */
    static Mutant endlessContinuation(byte[] seed, int bytes) {
        String text = latin1(seed);
        if (Splice.looksLikeXml(seed)) {
            int at = text.indexOf("</Ustrd>");
            at = at < 0 ? text.indexOf("</Id>") : at;
            byte[] pieces = Splice.repeat("x<!--c-->", bytes);
            at = at < 0 ? seed.length : at;
            return new Mutant(Splice.insert(seed, at, pieces), bytes + " bytes of text split by comments at byte " + at);
        }
        int field = text.indexOf(":86:");
        int at = field < 0 ? seed.length : endOfLine(text, field);
        byte[] lines = Splice.repeat("\r\n" + "SVWZ+Sammelueberweisung ".repeat(3).substring(0, 63), bytes);
        return new Mutant(Splice.insert(seed, at, lines), bytes + " bytes of continuation lines after :86: at byte " + at);
    }

    static Mutant hugeAttribute(byte[] seed, int bytes) {
        String text = latin1(seed);
        int at = text.indexOf("Ccy=\"");
        if (at < 0) {
            return hugeField(seed, bytes);
        }
        at += "Ccy=\"".length();
        return new Mutant(Splice.insert(seed, at, Splice.repeat("EUR", bytes)),
                bytes + " bytes added to the Ccy attribute at byte " + at);
    }

    /**
     * {@code depth} nested elements, either inside the first entry (or the first element of the body) or
     * around the whole document; MT940 gets {@code depth} nested SWIFT blocks.
     */
    static Mutant deepNesting(byte[] seed, int depth, boolean aroundDocument) {
        byte[] open = Splice.repeat("<x>", depth * 3);
        byte[] close = Splice.repeat("</x>", depth * 4);
        String text = latin1(seed);
        if (!Splice.looksLikeXml(seed)) {
            byte[] blocks = Splice.concat("{1:F01".getBytes(StandardCharsets.ISO_8859_1),
                    Splice.repeat("{3:", depth * 3), Splice.repeat("}", depth), "\r\n".getBytes(StandardCharsets.ISO_8859_1));
            return new Mutant(Splice.concat(blocks, seed), depth + " nested SWIFT blocks before the message");
        }
        if (aroundDocument) {
            int declarationEnd = text.startsWith("<?xml") ? text.indexOf("?>") + 2 : 0;
            byte[] out = Splice.concat(Splice.range(seed, 0, declarationEnd), open,
                    Splice.range(seed, declarationEnd, seed.length), close);
            return new Mutant(out, depth + " nested elements around the document");
        }
        int entry = text.indexOf("<Ntry>");
        int at = entry >= 0 ? entry + "<Ntry>".length() : text.indexOf('>', text.indexOf("<Document") + 1) + 1;
        at = at <= 0 ? seed.length : at;
        return new Mutant(Splice.insert(seed, at, Splice.concat(open, close)),
                depth + " nested elements inserted at byte " + at);
    }

    private static int endOfLine(String text, int from) {
        int cr = text.indexOf('\r', from);
        int lf = text.indexOf('\n', from);
        int end = cr < 0 ? lf : lf < 0 ? cr : Math.min(cr, lf);
        return end < 0 ? text.length() : end;
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
