package io.finbatch.writers.extract;

/** A named placeholder of an extract's query, as its descriptor declares it. */
public record ExtractParameter(String name, String type, String description) {
}
