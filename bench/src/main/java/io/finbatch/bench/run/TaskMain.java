package io.finbatch.bench.run;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Runs one benchmark task in this (fresh) JVM and prints one {@code RESULT key=value ...} line on standard
 * output for the {@link BenchmarkRunner} that forked it: elapsed time, CPU time of the whole process and of
 * the reading thread, CPU taken by other processes meanwhile, counts, memory. Usable by hand too, e.g. under
 * {@code /usr/bin/time -v} or with {@code -XX:StartFlightRecording}.
 */
public final class TaskMain {

    private TaskMain() {
    }

    public static BenchTask task(String name) {
        return switch (name) {
            case "raw-stax" -> new RawStaxPass(RawStaxPass.Parser.JDK);
            case "raw-stax-woodstox" -> new RawStaxPass(RawStaxPass.Parser.WOODSTOX);
            case "our-reader" -> new OurReaderPass();
            case "prowide-camt" -> new ProwideCamtParse();
            case "prowide-mt940" -> new ProwideMt940Parse(true);
            case "prowide-mt940-parse-only" -> new ProwideMt940Parse(false);
            default -> throw new IllegalArgumentException("unknown task '" + name
                    + "' (raw-stax, raw-stax-woodstox, our-reader, prowide-camt, prowide-mt940, prowide-mt940-parse-only)");
        };
    }

    public static void run(String name, Path file) throws Exception {
        Probe probe = new Probe();
        BenchTask task = task(name);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        long p0 = System.nanoTime();
        task.prepare();
        double machine0 = Probe.machineBusySeconds();
        long cpu0 = os.getProcessCpuTime();
        long thread0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        TaskResult result = task.run(file);
        long t1 = System.nanoTime();
        long thread1 = threads.getCurrentThreadCpuTime();
        long cpu1 = os.getProcessCpuTime();
        double othersCpu = Math.max(0, Probe.machineBusySeconds() - machine0 - (cpu1 - cpu0) / 1e9);

        long retained = probe.heapAfterFullGc();
        Reference.reachabilityFence(result.retained());
        StringBuilder line = new StringBuilder("RESULT");
        field(line, "task", name);
        field(line, "seconds", String.format(Locale.ROOT, "%.6f", (t1 - t0) / 1e9));
        field(line, "cpuSeconds", String.format(Locale.ROOT, "%.6f", (cpu1 - cpu0) / 1e9));
        field(line, "threadCpuSeconds", String.format(Locale.ROOT, "%.6f", (thread1 - thread0) / 1e9));
        field(line, "othersCpuSeconds", String.format(Locale.ROOT, "%.2f", othersCpu));
        field(line, "prepareSeconds", String.format(Locale.ROOT, "%.6f", (t0 - p0) / 1e9));
        field(line, "statements", result.statements());
        field(line, "entries", result.entries());
        field(line, "lines", result.lines());
        field(line, "sum", result.signedSum().toPlainString());
        field(line, "balanceOk", result.balanceChecksOk());
        field(line, "balanceFailed", result.balanceChecksFailed());
        field(line, "peakHeapAfterGc", probe.peakHeapAfterGc());
        field(line, "retainedHeap", retained);
        field(line, "peakRss", Probe.peakRss());
        field(line, "gcs", probe.collections());
        field(line, "maxHeap", Runtime.getRuntime().maxMemory());
        System.out.println(line);
    }

    private static void field(StringBuilder line, String key, Object value) {
        line.append(' ').append(key).append('=').append(value);
    }
}
