package io.finbatch.bench.jobs;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** Median, min and max of a measured value over the runs, formatted for the result tables. */
final class Stats {

    private Stats() {
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static <T> double[] of(List<T> runs, ToDoubleFunction<T> value) {
        return runs.stream().mapToDouble(value).toArray();
    }

    /** {@code median [min - max]} */
    static String spread(double[] values, String format) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, format + " [" + format + " - " + format + "]",
                median(values), sorted[0], sorted[sorted.length - 1]);
    }

    static String all(double[] values, String format) {
        return Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, format, v))
                .collect(Collectors.joining(", "));
    }
}
