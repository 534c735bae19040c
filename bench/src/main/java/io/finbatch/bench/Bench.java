package io.finbatch.bench;

import io.finbatch.bench.crosscheck.CrossCheck;
import io.finbatch.bench.data.CamtGenerator;
import io.finbatch.bench.data.DataFacts;
import io.finbatch.bench.data.Mt940Generator;
import io.finbatch.bench.run.BenchmarkRunner;
import io.finbatch.bench.run.HotSpots;
import io.finbatch.bench.run.TaskMain;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command line of the benchmark module ({@code java -jar bench/target/finance-batch-bench.jar ...}):
 * <pre>
 *   generate camt|mt940 SIZE_MB [FILE] [--seed N]   deterministic data (default under bench/target/bench-data/)
 *   run camt|mt940 FILE [--runs N]                   fresh JVM per run, table on stdout
 *   task NAME FILE                                   one measured pass in this JVM (what run forks)
 *   crosscheck [FIXTURES_DIR]                        our reader vs Prowide on the public fixtures
 *   hotspots RECORDING.jfr [TOP]                     execution samples of a JFR recording, by method
 * </pre>
 */
public final class Bench {

    public static final long DEFAULT_SEED = 20_251_126L;

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            return;
        }
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        switch (args[0]) {
            case "generate" -> generate(rest);
            case "run" -> {
                int runs = Integer.parseInt(option(rest, "--runs", "5"));
                require(rest.size() == 2, "run camt|mt940 FILE [--runs N]");
                System.out.print(new BenchmarkRunner(Path.of(rest.get(1)), runs, targetDir().resolve("bench-results"))
                        .run(rest.get(0)));
            }
            case "task" -> {
                require(rest.size() == 2, "task NAME FILE");
                TaskMain.run(rest.get(0), Path.of(rest.get(1)));
            }
            case "crosscheck" -> {
                Path dir = rest.isEmpty() ? defaultFixtures() : Path.of(rest.get(0));
                System.out.print(new CrossCheck(dir).run());
            }
            case "hotspots" -> {
                require(!rest.isEmpty(), "hotspots RECORDING.jfr [TOP]");
                System.out.print(HotSpots.report(Path.of(rest.get(0)),
                        rest.size() > 1 ? Integer.parseInt(rest.get(1)) : 25));
            }
            default -> usage();
        }
    }

    private static void generate(List<String> rest) throws Exception {
        long seed = Long.parseLong(option(rest, "--seed", Long.toString(DEFAULT_SEED)));
        require(rest.size() == 2 || rest.size() == 3, "generate camt|mt940 SIZE_MB [FILE] [--seed N]");
        String format = rest.get(0);
        long megabytes = Long.parseLong(rest.get(1));
        long bytes = megabytes * 1_000_000L;
        Path file = rest.size() == 3 ? Path.of(rest.get(2)) : targetDir().resolve("bench-data")
                .resolve(format.equals("camt") ? "camt053-" + megabytes + "MB.xml" : "mt940-" + megabytes + "MB.sta");
        long start = System.nanoTime();
        DataFacts facts = switch (format) {
            case "camt" -> CamtGenerator.generate(file, bytes, seed);
            case "mt940" -> Mt940Generator.generate(file, bytes, seed);
            default -> throw new IllegalArgumentException("format must be camt or mt940");
        };
        System.out.printf("%s: %,d bytes, %,d statements, %,d entries, %,d details, %,d pending, sum %s (%.1f s)%n",
                file, facts.bytes(), facts.statements(), facts.entries(), facts.details(), facts.pendingEntries(),
                facts.signedSumOfEntries().toPlainString(), (System.nanoTime() - start) / 1e9);
    }

    /** bench/target, found from where this class was loaded (the jar or target/classes). */
    static Path targetDir() throws URISyntaxException {
        Path location = Path.of(Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return location.getParent();
    }

    /** The project's fixtures as the root pom names them: {@code <root>/../shared/fixtures/statements}. */
    private static Path defaultFixtures() throws URISyntaxException {
        String configured = System.getProperty("finbatch.fixtures");
        if (configured != null) {
            return Path.of(configured);
        }
        return targetDir().getParent().getParent().getParent().resolve("shared/fixtures/statements").normalize();
    }

    private static String option(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        if (i < 0) {
            return fallback;
        }
        require(i + 1 < args.size(), name + " needs a value");
        String value = args.get(i + 1);
        args.remove(i + 1);
        args.remove(i);
        return value;
    }

    private static void require(boolean condition, String usage) {
        if (!condition) {
            throw new IllegalArgumentException("usage: " + usage);
        }
    }

    private static void usage() {
        System.out.println("""
                usage: java -jar bench/target/finance-batch-bench.jar COMMAND
                  generate camt|mt940 SIZE_MB [FILE] [--seed N]  deterministic data, default bench/target/bench-data/
                  run camt|mt940 FILE [--runs N]                  fresh JVM per run (default 5), Markdown table
                  task NAME FILE                                  one measured pass: raw-stax, raw-stax-woodstox, our-reader,
                                                                  prowide-camt, prowide-mt940, prowide-mt940-parse-only
                  crosscheck [FIXTURES_DIR]                       our reader vs Prowide on the public fixtures
                  hotspots RECORDING.jfr [TOP]                    JFR execution samples by method (self, total)""");
    }
}
