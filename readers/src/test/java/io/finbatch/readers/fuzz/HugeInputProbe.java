package io.finbatch.readers.fuzz;

import java.nio.file.Path;

/**
 * Runs the {@link ReaderOracle} over each file named on the command line and prints one line per file:
 * {@code name TAB outcome TAB detail}. Started by {@link FuzzHugeInputHeapTest} in a JVM with a small heap.
 */
public final class HugeInputProbe {

    private HugeInputProbe() {
    }

    public static void main(String[] args) {
        for (String arg : args) {
            Path file = Path.of(arg);
            Outcome outcome = ReaderOracle.check(file, false);
            System.out.println(file.getFileName() + "\t" + outcome.kind() + "\t"
                    + outcome.detail().replace('\n', ' ').replace('\t', ' '));
        }
    }
}
