package io.finbatch.bench.run;

import io.finbatch.bench.data.DataFacts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Forks one fresh JVM per contender per run (interleaved: run 1 of every contender, then run 2, ...), so
 * cold is compared with cold, and prints a Markdown table: median with min and max of {@code runs} runs,
 * ratios of medians to the anchors, peak heap and RSS, and whether each contender counted what the
 * generator wrote.
 */
public final class BenchmarkRunner {

    private static final String MAIN = "io.finbatch.bench.Bench";

    private final Path file;
    private final DataFacts facts;
    private final int runs;
    private final Path resultDir;

    public BenchmarkRunner(Path file, int runs, Path resultDir) throws IOException {
        this.file = file;
        this.facts = DataFacts.readBeside(file);
        this.runs = runs;
        this.resultDir = resultDir;
    }

    /** The contenders of a suite; the first anchor is the peer the target is a multiple of. */
    static List<Contender> suite(String name) {
        return switch (name) {
            case "camt" -> List.of(
                    new Contender("raw StAX pass, JDK (limit)", "raw-stax", List.of()),
                    new Contender("raw StAX pass, Woodstox (limit, our reader's parser)", "raw-stax-woodstox", List.of()),
                    new Contender("our reader", "our-reader", List.of()),
                    new Contender("Prowide ISO 20022 (anchor)", "prowide-camt", List.of()),
                    new Contender("our reader, -Xmx64m", "our-reader", List.of("-Xmx64m")));
            case "mt940" -> List.of(
                    new Contender("our reader", "our-reader", List.of()),
                    new Contender("Prowide Core, typed fields + balance check (anchor)", "prowide-mt940", List.of()),
                    new Contender("Prowide Core, parse only", "prowide-mt940-parse-only", List.of()),
                    new Contender("our reader, -Xmx64m", "our-reader", List.of("-Xmx64m")));
            default -> throw new IllegalArgumentException("unknown suite " + name + " (camt, mt940)");
        };
    }

    public String run(String suiteName) throws IOException, InterruptedException {
        List<Contender> contenders = suite(suiteName);
        warmPageCache();
        String loadBefore = loadAverage();
        List<RunStats> stats = new ArrayList<>();
        for (Contender contender : contenders) {
            stats.add(new RunStats(contender));
        }
        for (int run = 1; run <= runs; run++) {
            for (RunStats stat : stats) {
                System.err.printf(Locale.ROOT, "run %d/%d: %s ... ", run, runs, stat.contender.label());
                Map<String, String> result = fork(stat.contender, stat.failures);
                if (result != null) {
                    stat.runs.add(result);
                    System.err.printf(Locale.ROOT, "%.2f s%n", Double.parseDouble(result.get("seconds")));
                } else {
                    System.err.println("FAILED: " + stat.failures.get(stat.failures.size() - 1));
                }
            }
        }
        String report = report(suiteName, stats)
                + "Load average (1/5/15 min) before: " + loadBefore + ", after: " + loadAverage()
                + " (includes the benchmark's own JVMs).\n";
        Files.createDirectories(resultDir);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path out = resultDir.resolve(suiteName + "-" + stamp + ".md");
        Files.writeString(out, report);
        System.err.println("written " + out);
        return report;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private void warmPageCache() throws IOException {
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            while (in.read(buffer) >= 0) {
                // read through once so every contender finds the file in the page cache
            }
        }
    }

    private Map<String, String> fork(Contender contender, List<String> failures)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(contender.jvmOptions());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MAIN);
        command.add("task");
        command.add(contender.task());
        command.add(file.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        long start = System.nanoTime();
        Process process = builder.start();
        Map<String, String> result = null;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("RESULT ")) {
                    result = parse(line);
                }
            }
        }
        int exit = process.waitFor();
        double wall = (System.nanoTime() - start) / 1e9;
        if (exit != 0 || result == null) {
            failures.add("exit " + exit + " after " + String.format(Locale.ROOT, "%.1f s", wall));
            return null;
        }
        result.put("wallSeconds", Double.toString(wall));
        return result;
    }

    static Map<String, String> parse(String line) {
        Map<String, String> values = new HashMap<>();
        for (String pair : line.substring("RESULT ".length()).split(" ")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return values;
    }

    private String report(String suiteName, List<RunStats> stats) {
        double mb = facts.bytes() / 1e6;
        RunStats anchor = stats.stream().filter(s -> s.contender.label().contains("(anchor)")).findFirst().orElseThrow();
        List<RunStats> limits = stats.stream().filter(s -> s.contender.task().startsWith("raw-stax")).toList();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "### %s: %s, %.1f MB, %,d statements, %,d entries, %,d details; "
                        + "%d fresh JVMs per contender, median [min - max]%n%n",
                suiteName, file.getFileName(), mb, facts.statements(), facts.entries(), facts.details(), runs));
        out.append("| contender | MB/s | entries/s | × anchor | ");
        limits.forEach(limit -> out.append("× ").append(limitName(limit)).append(" | "));
        out.append("peak heap after GC | peak RSS | time s | counts |\n");
        out.append("|---|---|---|---|").append("---|".repeat(limits.size())).append("---|---|---|---|\n");
        for (RunStats s : stats) {
            out.append("| ").append(s.contender.label()).append(" | ");
            if (s.runs.isEmpty()) {
                out.append("failed: ").append(String.join("; ", s.failures)).append(" |||||")
                        .append("|".repeat(limits.size())).append('\n');
                continue;
            }
            double median = s.median("seconds");
            out.append(String.format(Locale.ROOT, "%.1f [%.1f - %.1f] | %,.0f [%,.0f - %,.0f] | %.2f× | ",
                    mb / median, mb / s.max("seconds"), mb / s.min("seconds"),
                    facts.entries() / median, facts.entries() / s.max("seconds"), facts.entries() / s.min("seconds"),
                    anchor.runs.isEmpty() ? Double.NaN : anchor.median("seconds") / median));
            for (RunStats limit : limits) {
                out.append(String.format(Locale.ROOT, "%.2f× | ",
                        limit.runs.isEmpty() ? Double.NaN : limit.median("seconds") / median));
            }
            out.append(String.format(Locale.ROOT, "%s [%s - %s] | %s | %.2f [%.2f - %.2f] | %s |%n",
                    mib(s.median("peakHeapAfterGc")), mib(s.min("peakHeapAfterGc")), mib(s.max("peakHeapAfterGc")),
                    mib(s.median("peakRss")), median, s.min("seconds"), s.max("seconds"), countsCheck(s)));
        }
        out.append('\n');
        out.append("Time is measured inside each JVM from opening the file to the last event (Prowide: reading "
                + "the file into a String + parse + walk of the model); JVM start-up is not included (see wall). "
                + "MB = 10^6 bytes. Peak heap after GC = largest heap occupancy right after any collection, "
                + "including a forced full GC at the end while the result is still referenced (Prowide's model); "
                + "peak RSS = VmHWM of the process. Default heap limit unless the contender says -Xmx.\n\n");
        out.append("CPU time of the same runs (less sensitive to other processes on the machine than elapsed time; "
                + "process = all threads incl. JIT and GC, thread = the reading thread only; other processes' CPU = "
                + "machine busy time during the timed part minus this JVM's, i.e. how much others competed):\n\n");
        out.append("| contender | process CPU s | × anchor (CPU) | ");
        limits.forEach(limit -> out.append("× ").append(limitName(limit)).append(" (CPU) | "));
        out.append("reading-thread CPU s | other processes' CPU s | JVM wall s | prepare s (untimed) | GCs | max heap |\n");
        out.append("|---|---|---|").append("---|".repeat(limits.size())).append("---|---|---|---|---|---|\n");
        for (RunStats s : stats) {
            if (s.runs.isEmpty()) {
                continue;
            }
            double cpu = s.median("cpuSeconds");
            out.append(String.format(Locale.ROOT, "| %s | %.2f [%.2f - %.2f] | %.2f× | ", s.contender.label(), cpu,
                    s.min("cpuSeconds"), s.max("cpuSeconds"), anchor.runs.isEmpty() ? Double.NaN
                            : anchor.median("cpuSeconds") / cpu));
            for (RunStats limit : limits) {
                out.append(String.format(Locale.ROOT, "%.2f× | ",
                        limit.runs.isEmpty() ? Double.NaN : limit.median("cpuSeconds") / cpu));
            }
            out.append(String.format(Locale.ROOT, "%.2f | %.2f [%.2f - %.2f] | %.2f | %.2f | %.0f | %s |%n",
                    s.median("threadCpuSeconds"), s.median("othersCpuSeconds"), s.min("othersCpuSeconds"),
                    s.max("othersCpuSeconds"), s.median("wallSeconds"), s.median("prepareSeconds"), s.median("gcs"),
                    mib(s.median("maxHeap"))));
        }
        out.append('\n');
        return out.toString();
    }

    /** The column heading of a raw StAX pass: "raw StAX (JDK)", "raw StAX (Woodstox)". */
    private static String limitName(RunStats limit) {
        return limit.contender.task().equals("raw-stax") ? "raw StAX (JDK)" : "raw StAX (Woodstox)";
    }

    private String countsCheck(RunStats s) {
        List<String> problems = new ArrayList<>();
        if (!s.consistent("entries") || !s.consistent("sum") || !s.consistent("statements")) {
            problems.add("runs disagree");
        }
        long entries = Long.parseLong(s.first("entries"));
        if (entries != facts.entries()) {
            problems.add(String.format(Locale.ROOT, "%,d entries ≠ %,d", entries, facts.entries()));
        }
        long statements = Long.parseLong(s.first("statements"));
        if (statements != facts.statements()) {
            problems.add(String.format(Locale.ROOT, "%,d statements ≠ %,d", statements, facts.statements()));
        }
        String task = s.contender.task();
        if (!task.startsWith("raw-stax") && !task.equals("prowide-mt940-parse-only")) {
            BigDecimal sum = new BigDecimal(s.first("sum"));
            if (sum.compareTo(facts.signedSumOfEntries()) != 0) {
                problems.add("sum " + sum.toPlainString() + " ≠ " + facts.signedSumOfEntries().toPlainString());
            }
            long lines = Long.parseLong(s.first("lines"));
            if (lines != facts.details()) {
                problems.add(String.format(Locale.ROOT, "%,d lines ≠ %,d details", lines, facts.details()));
            }
        }
        long failed = Long.parseLong(s.first("balanceFailed"));
        if (failed > 0) {
            problems.add(failed + " balance checks failed");
        }
        return problems.isEmpty() ? "all ✓" : String.join("; ", problems);
    }

    private static String mib(double bytes) {
        if (Double.isNaN(bytes) || bytes < 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.0f MiB", bytes / (1024 * 1024));
    }
}
