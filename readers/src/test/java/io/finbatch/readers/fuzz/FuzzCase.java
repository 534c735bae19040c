package io.finbatch.readers.fuzz;

import java.util.List;
import java.util.Random;

/** One generated input: everything in it follows from {@code caseSeed} and the seed list. */
record FuzzCase(long caseSeed, String seedName, String mutation, byte[] bytes) {

    /** Picks a seed file and one or two mutations with a random generator seeded by {@code caseSeed}. */
    static FuzzCase generate(long caseSeed, List<Seed> seeds, List<Mutation> mutations) {
        Random random = new Random(caseSeed);
        Seed seed = seeds.get(random.nextInt(seeds.size()));
        Mutation first = mutations.get(random.nextInt(mutations.size()));
        Mutant mutant = first.apply(seed.bytes(), random);
        String description = first.name() + " (" + mutant.description() + ")";
        if (random.nextInt(4) == 0) {
            Mutation second = mutations.get(random.nextInt(mutations.size()));
            Mutant again = second.apply(mutant.bytes(), random);
            mutant = again;
            description += " then " + second.name() + " (" + again.description() + ")";
        }
        return new FuzzCase(caseSeed, seed.name(), description, mutant.bytes());
    }

    /** Case seeds spread over the long range, so neighbouring cases share nothing. */
    static long seedOf(long runSeed, int index) {
        long z = runSeed + 0x9E3779B97F4A7C15L * (index + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** One case in four also goes through the JSON writer of {@code parse}. */
    boolean alsoWriteJson() {
        return (caseSeed & 3) == 0;
    }

    String id() {
        return Long.toHexString(caseSeed);
    }
}
