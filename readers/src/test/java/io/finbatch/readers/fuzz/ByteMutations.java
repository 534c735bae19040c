package io.finbatch.readers.fuzz;

import java.util.List;
import java.util.Random;

/** Damage that ignores the format: truncation, flipped bits, empty files, binary garbage. */
final class ByteMutations {

    private ByteMutations() {
    }

    static List<Mutation> all() {
        return List.of(
                Mutation.of("truncate", ByteMutations::truncate),
                Mutation.of("bit-flips", ByteMutations::flipBits),
                Mutation.of("empty", ByteMutations::empty),
                Mutation.of("binary-garbage", ByteMutations::garbage),
                Mutation.of("control-bytes", ByteMutations::controlBytes));
    }

    static Mutant truncate(byte[] seed, Random random) {
        int at = seed.length == 0 ? 0 : random.nextInt(seed.length);
        return new Mutant(Splice.range(seed, 0, at), "truncated at byte " + at + " of " + seed.length);
    }

    static Mutant flipBits(byte[] seed, Random random) {
        if (seed.length == 0) {
            return new Mutant(seed, "no bit to flip");
        }
        byte[] out = seed.clone();
        int flips = 1 + random.nextInt(8);
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < flips; i++) {
            int at = random.nextInt(out.length);
            int bit = random.nextInt(8);
            out[at] ^= (byte) (1 << bit);
            where.append(i == 0 ? "" : ", ").append(at).append('.').append(bit);
        }
        return new Mutant(out, flips + " bit(s) flipped at byte.bit " + where);
    }

    static Mutant empty(byte[] seed, Random random) {
        String[] variants = {"", " ", "\r\n\r\n", "\uFEFF", "\n-\n", "<", ":20:"};
        String variant = variants[random.nextInt(variants.length)];
        return new Mutant(variant.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "replaced by " + (variant.isEmpty() ? "nothing (empty file)" : "'" + variant.strip() + "'"));
    }

    /** Random bytes alone, behind a format's first bytes (so a parser sees them), or spliced into the seed. */
    static Mutant garbage(byte[] seed, Random random) {
        byte[] noise = new byte[random.nextInt(64 * 1024)];
        random.nextBytes(noise);
        return switch (random.nextInt(4)) {
            case 0 -> new Mutant(noise, noise.length + " random bytes");
            case 1 -> new Mutant(Splice.concat("<".getBytes(), noise), "'<' + " + noise.length + " random bytes");
            case 2 -> new Mutant(Splice.concat(":20:X\r\n".getBytes(), noise), "':20:' line + " + noise.length
                    + " random bytes");
            default -> {
                int at = seed.length == 0 ? 0 : random.nextInt(seed.length);
                yield new Mutant(Splice.insert(seed, at, noise), noise.length + " random bytes inserted at " + at);
            }
        };
    }

    /** NUL, SOH, ETX, form feed and DEL sprinkled over the file. */
    static Mutant controlBytes(byte[] seed, Random random) {
        byte[] controls = {0, 1, 3, 0x0C, 0x7F, 0x1A};
        byte[] out = seed;
        int count = 1 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
            int at = out.length == 0 ? 0 : random.nextInt(out.length);
            out = Splice.insert(out, at, new byte[] {controls[random.nextInt(controls.length)]});
        }
        return new Mutant(out, count + " control byte(s) inserted");
    }
}
