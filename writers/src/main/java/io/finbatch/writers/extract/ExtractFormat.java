package io.finbatch.writers.extract;

import java.util.Locale;

/** A file format an extract is written in. */
public enum ExtractFormat {
    CSV, XLSX;

    static ExtractFormat of(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format '" + text + "' (csv, xlsx)");
        }
    }

    /** {@code csv} or {@code xlsx}: the file extension and the name used in manifests and extract_file. */
    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }
}
