package io.finbatch.bench.jobs;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU seconds of this JVM, of given other processes (PostgreSQL backends, from {@code /proc/PID/stat}) and of
 * the whole machine ({@code /proc/stat}, all cores, USER_HZ = 100), read before and after a measured part.
 */
final class CpuClock {

    private static final double TICKS_PER_SECOND = 100.0;

    private final long startNanos = System.nanoTime();
    private final double startJvm = jvmSeconds();
    private final double startMachine = machineBusySeconds();
    private final Map<Integer, Double> startOthers = new HashMap<>();

    CpuClock(Collection<Integer> otherPids) {
        for (int pid : otherPids) {
            startOthers.put(pid, processSeconds(pid));
        }
    }

    /** What the measured part took: wall, this JVM's CPU, the given processes' CPU, everything else's CPU. */
    record Spent(double wallSeconds, double jvmCpuSeconds, double watchedCpuSeconds, double otherCpuSeconds) {
    }

    /** @param otherPids the watched processes now (those that started during the part count whole) */
    Spent stop(Collection<Integer> otherPids) {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        double jvm = jvmSeconds() - startJvm;
        double machine = machineBusySeconds() - startMachine;
        double watched = 0;
        for (int pid : otherPids) {
            watched += processSeconds(pid) - startOthers.getOrDefault(pid, 0.0);
        }
        return new Spent(wall, jvm, watched, Math.max(0, machine - jvm - watched));
    }

    static double jvmSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /** utime + stime of a process, 0 when it is gone. */
    static double processSeconds(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state is field 3, utime field 14, stime field 15
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    static double machineBusySeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) { // not idle, not iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy / TICKS_PER_SECOND;
        } catch (IOException e) {
            return 0;
        }
    }
}
