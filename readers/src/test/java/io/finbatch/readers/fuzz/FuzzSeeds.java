package io.finbatch.readers.fuzz;

import io.finbatch.readers.fixtures.FixtureFiles;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The fuzzer's seeds: the public bank files of the shared fixtures (read in place) and our own
 * {@code examples/statements}. Without the fixtures folder the examples alone are used.
 */
final class FuzzSeeds {

    private FuzzSeeds() {
    }

    static List<Seed> load() {
        List<Seed> seeds = new ArrayList<>(examples());
        try {
            FixtureFiles fixtures = FixtureFiles.locate();
            for (Path file : fixtures.statementInputs()) {
                seeds.add(new Seed(fixtures.relative(file), read(file)));
            }
        } catch (TestAbortedException fixturesMissing) {
            // the examples still give every format a seed
        }
        if (seeds.isEmpty()) {
            throw new IllegalStateException("no seed files: neither examples/statements nor the fixtures were found");
        }
        return List.copyOf(seeds);
    }

    private static List<Seed> examples() {
        String root = System.getProperty("finbatch.projectRoot");
        Path folder = (root == null ? Path.of("..") : Path.of(root)).resolve("examples/statements").normalize();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).sorted()
                    .map(file -> new Seed("examples/statements/" + file.getFileName(), read(file)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
