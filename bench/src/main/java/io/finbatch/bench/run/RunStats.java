package io.finbatch.bench.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The parsed RESULT lines of one contender's runs; medians, minima and maxima of what they measured. */
final class RunStats {

    final Contender contender;
    final List<Map<String, String>> runs = new ArrayList<>();
    final List<String> failures = new ArrayList<>();

    RunStats(Contender contender) {
        this.contender = contender;
    }

    double[] values(String key) {
        return runs.stream().mapToDouble(r -> Double.parseDouble(r.get(key))).sorted().toArray();
    }

    double median(String key) {
        double[] v = values(key);
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    double min(String key) {
        double[] v = values(key);
        return v.length == 0 ? Double.NaN : v[0];
    }

    double max(String key) {
        double[] v = values(key);
        return v.length == 0 ? Double.NaN : v[v.length - 1];
    }

    String first(String key) {
        return runs.isEmpty() ? null : runs.get(0).get(key);
    }

    /** True when every run reported the same value for the key. */
    boolean consistent(String key) {
        return runs.stream().map(r -> r.get(key)).distinct().count() <= 1;
    }
}
