package io.finbatch.readers.fuzz;

/** A well-formed statement file the fuzzer mutates: its name for reports and its bytes. */
record Seed(String name, byte[] bytes) {
}
