package io.finbatch.readers.fuzz;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** Wrong encodings: Latin-1, UTF-16 with and without BOM, stray BOMs, invalid UTF-8, lying XML declarations. */
final class EncodingMutations {

    private static final byte[][] INVALID_UTF8 = {
            {(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0x80}, {(byte) 0xC0, (byte) 0x80},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xE2, (byte) 0x82}, {(byte) 0xFE, (byte) 0xFE}};

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private EncodingMutations() {
    }

    static List<Mutation> all() {
        return List.of(
                Mutation.of("re-encode", EncodingMutations::reEncode),
                Mutation.of("bom", EncodingMutations::bom),
                Mutation.of("invalid-utf8", EncodingMutations::invalidUtf8),
                Mutation.of("lying-xml-declaration", EncodingMutations::lyingDeclaration));
    }

    static Mutant reEncode(byte[] seed, Random random) {
        String text = new String(seed, StandardCharsets.UTF_8);
        Charset[] targets = {StandardCharsets.ISO_8859_1, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE,
                StandardCharsets.UTF_16, Charset.forName("UTF-32BE")};
        Charset target = targets[random.nextInt(targets.length)];
        return new Mutant(text.getBytes(target), "re-encoded as " + target.name());
    }

    static Mutant bom(byte[] seed, Random random) {
        byte[][] boms = {UTF8_BOM, {(byte) 0xFE, (byte) 0xFF}, {(byte) 0xFF, (byte) 0xFE},
                Splice.concat(UTF8_BOM, UTF8_BOM)};
        int which = random.nextInt(boms.length);
        boolean middle = random.nextInt(4) == 0 && seed.length > 0;
        int at = middle ? random.nextInt(seed.length) : 0;
        return new Mutant(Splice.insert(seed, at, boms[which]), "BOM variant " + which + " inserted at byte " + at);
    }

    static Mutant invalidUtf8(byte[] seed, Random random) {
        byte[] out = seed;
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            int at = out.length == 0 ? 0 : random.nextInt(out.length);
            out = Splice.insert(out, at, INVALID_UTF8[random.nextInt(INVALID_UTF8.length)]);
        }
        return new Mutant(out, count + " invalid UTF-8 sequence(s) inserted");
    }

    static Mutant lyingDeclaration(byte[] seed, Random random) {
        String[] encodings = {"UTF-16", "ISO-8859-1", "US-ASCII", "EBCDIC-NONSENSE", "", "UTF-32"};
        String encoding = encodings[random.nextInt(encodings.length)];
        String text = new String(seed, StandardCharsets.ISO_8859_1);
        String declaration = "<?xml version=\"1.0\" encoding=\"" + encoding + "\"?>";
        int end = text.startsWith("<?xml") ? text.indexOf("?>") + 2 : 0;
        String changed = declaration + text.substring(Math.max(end, 0));
        return new Mutant(changed.getBytes(StandardCharsets.ISO_8859_1), "XML declaration says encoding '" + encoding + "'");
    }
}
