package io.finbatch.jobs.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** The sample statement files shipped in {@code examples/statements}, and altered copies of them. */
public final class Examples {

    public static final String INTRADAY_MT942 = "01-acme-de-intraday-20261030.mt942";
    public static final String MT940 = "02-acme-de-20261030.mt940";
    public static final String CAMT053 = "03-acme-nl-20261030.camt053.xml";

    private Examples() {
    }

    public static Path folder() {
        String root = System.getProperty("finbatch.projectRoot");
        Path base = root != null ? Path.of(root) : Path.of("..");
        return base.resolve("examples/statements").toAbsolutePath().normalize();
    }

    public static Path file(String name) {
        return folder().resolve(name);
    }

    /** Copies an example into {@code dir} under {@code newName}, passing its text through {@code change}. */
    public static Path altered(String name, Path dir, String newName, UnaryOperator<String> change) {
        try {
            String text = Files.readString(file(name), StandardCharsets.ISO_8859_1);
            String changed = change.apply(text);
            Path target = dir.resolve(newName);
            Files.writeString(target, changed, StandardCharsets.ISO_8859_1);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path copy(String name, Path dir) {
        return altered(name, dir, name, UnaryOperator.identity());
    }
}
