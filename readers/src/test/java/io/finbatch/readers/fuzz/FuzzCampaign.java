package io.finbatch.readers.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs fuzz cases through the {@link ReaderOracle}, each in a worker thread with a time limit (a parser
 * that loops fails its case instead of hanging the build), and keeps what failed with its seed.
 */
final class FuzzCampaign implements AutoCloseable {

    static final Duration CASE_TIME_LIMIT = Duration.ofSeconds(30);

    private final Path workDir;
    private final Path failureDir;
    private ExecutorService worker = newWorker();
    private final Map<Outcome.Kind, Integer> totals = new EnumMap<>(Outcome.Kind.class);
    private final Map<String, int[]> byMutation = new TreeMap<>();
    private final Map<String, Long> nanosByMutation = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();

    FuzzCampaign(Path workDir, Path failureDir) {
        this.workDir = workDir;
        this.failureDir = failureDir;
    }

    Outcome run(FuzzCase fuzzCase, boolean alsoWriteJson) {
        Path file = workDir.resolve("fuzz-" + fuzzCase.id() + ".dat");
        write(file, fuzzCase.bytes());
        Outcome outcome;
        long start = System.nanoTime();
        Future<Outcome> result = worker.submit(() -> ReaderOracle.check(file, alsoWriteJson));
        try {
            outcome = result.get(CASE_TIME_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException loop) {
            result.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            outcome = Outcome.violation("no result after " + CASE_TIME_LIMIT.toSeconds() + " s (endless loop?)");
        } catch (ExecutionException | InterruptedException e) {
            outcome = Outcome.violation("oracle failed: " + e);
        }
        nanosByMutation.merge(mutationName(fuzzCase), System.nanoTime() - start, Long::sum);
        record(fuzzCase, outcome);
        delete(file);
        return outcome;
    }

    private void record(FuzzCase fuzzCase, Outcome outcome) {
        totals.merge(outcome.kind(), 1, Integer::sum);
        byMutation.computeIfAbsent(mutationName(fuzzCase), m -> new int[Outcome.Kind.values().length])[outcome.kind().ordinal()]++;
        if (outcome.kind() == Outcome.Kind.VIOLATION) {
            Path kept = failureDir.resolve("fuzz-" + fuzzCase.id() + ".dat");
            write(kept, fuzzCase.bytes());
            failures.add("case " + fuzzCase.id() + " seed file " + fuzzCase.seedName() + "\n    mutation: "
                    + fuzzCase.mutation() + "\n    " + outcome.detail() + "\n    input kept in " + kept
                    + "\n    replay: -Dfinbatch.fuzz.replay=" + fuzzCase.id());
        }
    }

    private static String mutationName(FuzzCase fuzzCase) {
        return fuzzCase.mutation().substring(0, fuzzCase.mutation().indexOf(' '));
    }

    List<String> failures() {
        return failures;
    }

    int count(Outcome.Kind kind) {
        return totals.getOrDefault(kind, 0);
    }

    String summary() {
        StringBuilder text = new StringBuilder();
        text.append(String.format("%-24s %8s %8s %9s %8s%n", "mutation", "parsed", "rejected", "violation", "seconds"));
        byMutation.forEach((name, counts) -> text.append(String.format("%-24s %8d %8d %9d %8.1f%n", name, counts[0],
                counts[1], counts[2], nanosByMutation.getOrDefault(name, 0L) / 1e9)));
        text.append(String.format("%-24s %8d %8d %9d%n", "total", count(Outcome.Kind.PARSED),
                count(Outcome.Kind.REJECTED), count(Outcome.Kind.VIOLATION)));
        return text.toString();
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(task -> {
            // a deep recursion in a parser must show up as StackOverflowError at a realistic depth, not be hidden by a huge stack
            Thread thread = new Thread(null, task, "fuzz-case", 0);
            thread.setDaemon(true);
            return thread;
        });
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the temporary folder is removed after the test anyway
        }
    }
}
