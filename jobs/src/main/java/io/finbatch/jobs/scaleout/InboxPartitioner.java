package io.finbatch.jobs.scaleout;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** One partition per statement file of an inbox folder (by name; hidden files left out). */
final class InboxPartitioner implements Partitioner {

    static final String FILE = "file";

    private final Path inbox;

    InboxPartitioner(Path inbox) {
        this.inbox = inbox;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        int n = 0;
        for (Path file : files()) {
            ExecutionContext context = new ExecutionContext();
            context.putString(FILE, file.toAbsolutePath().normalize().toString());
            partitions.put("file" + n++, context);
        }
        return partitions;
    }

    private List<Path> files() {
        if (!Files.isDirectory(inbox)) {
            throw new IllegalArgumentException("inbox folder not found: " + inbox);
        }
        try (Stream<Path> entries = Files.list(inbox)) {
            return entries.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the inbox " + inbox, e);
        }
    }
}
