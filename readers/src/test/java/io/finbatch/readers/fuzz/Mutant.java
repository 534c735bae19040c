package io.finbatch.readers.fuzz;

/** A mutated input and what was done to it, in words, for the failure report. */
record Mutant(byte[] bytes, String description) {
}
