package io.finbatch.jobs.statementimport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The statement files of an inbox folder, by name (hidden files left out), as every import of an inbox takes them. */
public final class Inbox {

    private Inbox() {
    }

    public static List<Path> files(Path inbox) {
        if (!Files.isDirectory(inbox)) {
            throw new IllegalArgumentException("inbox folder not found: " + inbox);
        }
        try (Stream<Path> entries = Files.list(inbox)) {
            return entries.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the inbox " + inbox, e);
        }
    }
}
