package io.finbatch.bench.run;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a JFR recording ({@code -XX:StartFlightRecording=filename=x.jfr,settings=profile}) and prints the
 * methods that the {@code jdk.ExecutionSample} events were in: self (top frame) and total (anywhere on the
 * stack), as shares of all samples. Same data as {@code jfr print --events jdk.ExecutionSample}, summed.
 */
public final class HotSpots {

    private HotSpots() {
    }

    public static String report(Path recording, int top) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        Map<String, Integer> selfInOurCode = new HashMap<>();
        Map<String, Integer> selfByCaller = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = stack.getFrames();
            self.merge(name(frames.get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            boolean attributed = false;
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                if (seen.add(name)) {
                    total.merge(name, 1, Integer::sum);
                }
                if (!attributed && name.startsWith("io.finbatch.") && !name.startsWith("io.finbatch.bench.")) {
                    selfInOurCode.merge(name, 1, Integer::sum);
                    String topFrame = name(frames.get(0));
                    selfByCaller.merge(topFrame.equals(name) ? name : topFrame + "  <-  " + name + " line "
                            + frame.getLineNumber(), 1, Integer::sum);
                    attributed = true;
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d execution samples in %s%n", samples, recording.getFileName()));
        append(out, "self (top frame)", self, samples, top);
        append(out, "total (on the stack)", total, samples, top);
        append(out, "first io.finbatch frame (our code that caused the time, library calls included)",
                selfInOurCode, samples, top);
        append(out, "top frame  <-  first io.finbatch frame and its line", selfByCaller, samples, top);
        return out.toString();
    }

    private static String name(RecordedFrame frame) {
        RecordedMethod method = frame.getMethod();
        return method.getType().getName() + "." + method.getName();
    }

    private static void append(StringBuilder out, String title, Map<String, Integer> counts, int samples, int top) {
        out.append('\n').append(title).append('\n');
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        sorted.forEach((name, count) -> out.append(String.format(Locale.ROOT, "  %5.1f%%  %s%n",
                100.0 * count / samples, name)));
    }
}
