package io.finbatch.readers.fuzz;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded mutation fuzzing of the statement readers: bank files broken in every way a bank, a transfer or
 * an attacker breaks them must be read or rejected with a {@code SourceFileException} naming the file and
 * a location; nothing else may escape (see {@link ReaderOracle}).
 *
 * <p>{@value #DEFAULT_CASES} cases run in every build. The full run:
 * {@code ./mvnw -q -pl readers -am verify -Dtest='Fuzz*' -Dsurefire.failIfNoSpecifiedTests=false -Dfinbatch.fuzz.cases=10000}.
 * {@code -Dfinbatch.fuzz.seed=N} (or {@code random}) changes the run's seed; a failing case prints its own
 * seed, which {@code -Dfinbatch.fuzz.replay=HEX} runs alone.
 */
class FuzzStatementReadersTest {

    static final int DEFAULT_CASES = 400;
    static final long DEFAULT_RUN_SEED = 20261030L;
    /** In-process size limit of the huge-input mutations; {@link FuzzHugeInputHeapTest} covers 10 MB in a small heap. */
    static final int MAX_HUGE_BYTES = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void everyMutatedStatementFileIsReadOrRejectedWithItsFileAndLocation() {
        List<Seed> seeds = FuzzSeeds.load();
        List<Mutation> mutations = mutations();
        long runSeed = runSeed();
        List<Long> caseSeeds = caseSeeds(runSeed);
        long start = System.nanoTime();
        try (FuzzCampaign campaign = new FuzzCampaign(dir, Path.of("target", "fuzz-failures"))) {
            for (long caseSeed : caseSeeds) {
                FuzzCase fuzzCase = FuzzCase.generate(caseSeed, seeds, mutations);
                campaign.run(fuzzCase, fuzzCase.alsoWriteJson());
            }
            System.out.printf("statement reader fuzzing: %d cases (run seed %d, %d seed files, %d mutations) in %.1f s%n%s",
                    caseSeeds.size(), runSeed, seeds.size(), mutations.size(), (System.nanoTime() - start) / 1e9,
                    campaign.summary());
            assertThat(campaign.failures()).as("fuzz cases that broke the reader contract (run seed %d)", runSeed)
                    .isEmpty();
        }
    }

    static List<Mutation> mutations() {
        List<Mutation> all = new ArrayList<>();
        all.addAll(ByteMutations.all());
        all.addAll(StructureMutations.all());
        all.addAll(AmountMutations.all());
        all.addAll(EncodingMutations.all());
        all.addAll(new HugeInputMutations(MAX_HUGE_BYTES).all());
        return all;
    }

    private static List<Long> caseSeeds(long runSeed) {
        String replay = System.getProperty("finbatch.fuzz.replay", "").strip();
        if (!replay.isEmpty()) {
            return List.of(Long.parseUnsignedLong(replay, 16));
        }
        int cases = Integer.getInteger("finbatch.fuzz.cases", DEFAULT_CASES);
        List<Long> seeds = new ArrayList<>(cases);
        for (int i = 0; i < cases; i++) {
            seeds.add(FuzzCase.seedOf(runSeed, i));
        }
        return seeds;
    }

    private static long runSeed() {
        String value = System.getProperty("finbatch.fuzz.seed", "").strip();
        if (value.isEmpty()) {
            return DEFAULT_RUN_SEED;
        }
        return value.equals("random") ? System.nanoTime() : Long.parseLong(value);
    }
}
