package io.finbatch.jobs.reliability;

import io.finbatch.jobs.FinanceBatchMain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real command line ({@link FinanceBatchMain}) in a JVM of its own, with this test's classpath and
 * the given properties; kills it with SIGKILL when it prints a {@link CrashPoints} marker.
 */
public final class ChildJvm {

    /** How a child ended: its exit code, or killed at a crash point; and what it printed. */
    public record Outcome(int exitCode, boolean killed, List<String> output) {

        /** The last 40 lines that are not stack frames. */
        public String tail() {
            List<String> lines = output.stream().filter(l -> !l.stripLeading().startsWith("at ")
                    && !l.stripLeading().startsWith("... ")).toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }
    }

    /** A child that keeps running (a worker): its output as it comes, and SIGKILL or SIGTERM on demand. */
    public static final class Running implements AutoCloseable {

        private final Process process;
        private final List<String> output = Collections.synchronizedList(new ArrayList<>());

        private Running(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        output.add(line);
                    }
                } catch (IOException ended) {
                    // the process is gone
                }
            }, "child-output");
            reader.setDaemon(true);
            reader.start();
        }

        public List<String> output() {
            synchronized (output) {
                return List.copyOf(output);
            }
        }

        public boolean printed(String text) {
            return output().stream().anyMatch(line -> line.contains(text));
        }

        public boolean alive() {
            return process.isAlive();
        }

        public int waitFor(long seconds) throws InterruptedException {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("child JVM did not end in " + seconds + " s:\n"
                        + String.join("\n", output()));
            }
            return process.exitValue();
        }

        /** SIGKILL: no shutdown hook runs, nothing is flushed or acknowledged. */
        public void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    kill();
                }
            }
        }
    }

    private ChildJvm() {
    }

    public static Running start(Map<String, String> properties, Path workDir, String... args) throws IOException {
        return new Running(new ProcessBuilder(command(properties, args)).directory(workDir.toFile())
                .redirectErrorStream(true).start());
    }

    private static List<String> command(Map<String, String> properties, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx384m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add(FinanceBatchMain.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    public static Outcome run(Map<String, String> properties, Path workDir, String... args) throws IOException,
            InterruptedException {
        Process process = new ProcessBuilder(command(properties, args)).directory(workDir.toFile())
                .redirectErrorStream(true).start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        boolean killed = false;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                if (line.startsWith(CrashPoints.MARKER)) {
                    process.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback by the JVM
                    killed = true;
                    break;
                }
            }
        }
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("child JVM did not end: " + String.join("\n", output));
        }
        return new Outcome(process.exitValue(), killed, List.copyOf(output));
    }
}
