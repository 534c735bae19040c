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
final class ChildJvm {

    /** How a child ended: its exit code, or killed at a crash point; and what it printed. */
    record Outcome(int exitCode, boolean killed, List<String> output) {

        String tail() {
            return String.join("\n", output.subList(Math.max(0, output.size() - 40), output.size()));
        }
    }

    private ChildJvm() {
    }

    static Outcome run(Map<String, String> properties, Path workDir, String... args) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx384m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add(FinanceBatchMain.class.getName());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
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
