package io.finbatch.readers.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lines and tags duplicated, deleted or swapped: MT940 fields are lines, camt fields are elements. */
final class StructureMutations {

    private static final Pattern MT940_TAG = Pattern.compile("(?m)^:[0-9]{2}[A-Z]?:");
    private static final Pattern XML_START_TAG = Pattern.compile("<([A-Za-z][A-Za-z0-9_.:-]*)[\\s>/]");

    private StructureMutations() {
    }

    static List<Mutation> all() {
        return List.of(
                Mutation.of("duplicate-line", StructureMutations::duplicateLine),
                Mutation.of("delete-line", StructureMutations::deleteLine),
                Mutation.of("swap-lines", StructureMutations::swapLines),
                Mutation.of("duplicate-element", (seed, random) -> element(seed, random, true)),
                Mutation.of("delete-element", (seed, random) -> element(seed, random, false)),
                Mutation.of("swap-tags", StructureMutations::swapTags));
    }

    static Mutant duplicateLine(byte[] seed, Random random) {
        List<Integer> starts = Splice.lineStarts(seed);
        int start = starts.get(random.nextInt(starts.size()));
        int end = Splice.lineEnd(seed, start);
        int copies = 1 + (random.nextInt(4) == 0 ? random.nextInt(50) : 0);
        byte[] out = seed;
        for (int i = 0; i < copies; i++) {
            out = Splice.insert(out, end, Splice.range(seed, start, end));
        }
        return new Mutant(out, "line at byte " + start + " duplicated " + copies + "x");
    }

    static Mutant deleteLine(byte[] seed, Random random) {
        List<Integer> starts = Splice.lineStarts(seed);
        int start = starts.get(random.nextInt(starts.size()));
        return new Mutant(Splice.replace(seed, start, Splice.lineEnd(seed, start), new byte[0]),
                "line at byte " + start + " deleted");
    }

    static Mutant swapLines(byte[] seed, Random random) {
        List<Integer> starts = Splice.lineStarts(seed);
        if (starts.size() < 2) {
            return deleteLine(seed, random);
        }
        int a = random.nextInt(starts.size() - 1);
        int b = a + 1 + random.nextInt(Math.min(8, starts.size() - a - 1));
        int aStart = starts.get(a);
        int aEnd = Splice.lineEnd(seed, aStart);
        int bStart = starts.get(b);
        int bEnd = Splice.lineEnd(seed, bStart);
        byte[] out = Splice.concat(Splice.range(seed, 0, aStart), Splice.range(seed, bStart, bEnd),
                Splice.range(seed, aEnd, bStart), Splice.range(seed, aStart, aEnd),
                Splice.range(seed, bEnd, seed.length));
        return new Mutant(out, "lines at bytes " + aStart + " and " + bStart + " swapped");
    }

    /** An XML element (start tag to the next end tag of that name) duplicated or deleted; lines for MT940. */
    static Mutant element(byte[] seed, Random random, boolean duplicate) {
        String text = new String(seed, StandardCharsets.ISO_8859_1);
        List<int[]> starts = matches(XML_START_TAG, text);
        if (starts.isEmpty()) {
            return duplicate ? duplicateLine(seed, random) : deleteLine(seed, random);
        }
        int[] tag = starts.get(random.nextInt(starts.size()));
        String name = text.substring(tag[0] + 1, tag[1] - 1);
        int close = text.indexOf("</" + name + ">", tag[0]);
        int end = close < 0 ? tag[1] : close + name.length() + 3;
        byte[] element = Splice.range(seed, tag[0], end);
        byte[] out = duplicate ? Splice.insert(seed, end, element) : Splice.replace(seed, tag[0], end, new byte[0]);
        return new Mutant(out, "element <" + name + "> at byte " + tag[0] + (duplicate ? " duplicated" : " deleted"));
    }

    /** Two tag names exchanged: {@code :61:} with {@code :86:}, or {@code <Amt} with {@code <Dt}. */
    static Mutant swapTags(byte[] seed, Random random) {
        String text = new String(seed, StandardCharsets.ISO_8859_1);
        boolean xml = Splice.looksLikeXml(seed);
        List<int[]> tags = xml ? matches(XML_START_TAG, text) : matches(MT940_TAG, text);
        if (tags.size() < 2) {
            return swapLines(seed, random);
        }
        int[] a = tags.get(random.nextInt(tags.size()));
        int[] b = tags.get(random.nextInt(tags.size()));
        if (a[0] > b[0]) {
            int[] t = a;
            a = b;
            b = t;
        }
        int trim = xml ? 1 : 0; // an XML match ends with the character after the name
        String nameA = text.substring(a[0], a[1] - trim);
        String nameB = text.substring(b[0], b[1] - trim);
        if (a[0] == b[0]) {
            return new Mutant(seed, "tag " + nameA + " swapped with itself");
        }
        String swapped = text.substring(0, a[0]) + nameB + text.substring(a[1] - trim, b[0]) + nameA
                + text.substring(b[1] - trim);
        return new Mutant(swapped.getBytes(StandardCharsets.ISO_8859_1),
                "tags " + nameA + " (byte " + a[0] + ") and " + nameB + " (byte " + b[0] + ") swapped");
    }

    private static List<int[]> matches(Pattern pattern, String text) {
        List<int[]> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(new int[] {matcher.start(), matcher.end()});
        }
        return found;
    }
}
