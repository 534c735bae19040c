package io.finbatch.bench.run;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Memory seen from inside the benchmark JVM.
 * <ul>
 * <li>peak heap after GC: the largest heap occupancy right after any collection during the run (GC
 * notifications, heap pools only), and after a forced full GC at the end while the contender's result is
 * still referenced; for G1 a young collection's "after" still counts old-generation garbage, so this is an
 * upper bound of the live set;</li>
 * <li>peak RSS: {@code VmHWM} of {@code /proc/self/status}, the resident high-water mark of the process
 * (JVM, code, metaspace and heap).</li>
 * </ul>
 */
final class Probe {

    private final AtomicLong peakAfterGc = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final Set<String> heapPools = new HashSet<>();

    Probe() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                                .from((CompositeData) notification.getUserData());
                        record(info.getGcInfo().getMemoryUsageAfterGc());
                    }
                }, null, null);
            }
        }
    }

    private void record(Map<String, MemoryUsage> after) {
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : after.entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        collections.incrementAndGet();
        peakAfterGc.accumulateAndGet(used, Math::max);
    }

    /** Forces a full collection and returns the heap still in use (what the caller keeps reachable). */
    long heapAfterFullGc() {
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        peakAfterGc.accumulateAndGet(used, Math::max);
        return used;
    }

    long peakHeapAfterGc() {
        return peakAfterGc.get();
    }

    long collections() {
        return collections.get();
    }

    /**
     * CPU time the whole machine spent busy so far, in seconds ({@code /proc/stat}, all cores, USER_HZ = 100),
     * or -1 where /proc is not there. Busy time of the machine during a run minus the benchmark JVM's own CPU
     * time is what other processes took meanwhile.
     */
    static double machineBusySeconds() {
        try {
            String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = cpu.trim().split("\\s+");
            long busy = 0;
            // user nice system idle iowait irq softirq steal: everything but idle and iowait
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(f[i]);
            }
            return busy / 100.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Resident set high-water mark in bytes, or -1 where /proc is not there. */
    static long peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    String kb = line.substring("VmHWM:".length()).replace("kB", "").strip();
                    return Long.parseLong(kb) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
