package io.finbatch.readers.fuzz;

import java.util.Random;

/** One way of breaking a statement file. Every choice it makes comes from {@code random}, so a case replays from its seed. */
interface Mutation {

    String name();

    Mutant apply(byte[] seed, Random random);

    static Mutation of(String name, java.util.function.BiFunction<byte[], Random, Mutant> apply) {
        return new Mutation() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Mutant apply(byte[] seed, Random random) {
                return apply.apply(seed, random);
            }
        };
    }
}
