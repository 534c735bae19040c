package io.finbatch.bench.run;

import java.util.List;

/** One column of a benchmark: a task run in a fresh JVM with these JVM options. */
record Contender(String label, String task, List<String> jvmOptions) {
}
