package io.finbatch.jobs.statementdrop;

import io.finbatch.jobs.config.FinBatchProperties;
import io.finbatch.jobs.statementimport.FileDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One look at the watched folder per {@link #poll()}: a file still being written (by SFTP, a shared drive) is
 * left alone until it is complete — same size and modification time as at the previous poll, or, in
 * {@code done-marker} mode, a {@code NAME.done} beside it — then it is handed over once. Hidden files (our own
 * uploads in progress among them) and the markers are never files to import. A file seen complete is not hashed
 * again while it stays unchanged; after a restart it is hashed once and recognised by its content.
 */
@Component
public class InboxWatcher {

    private static final Logger log = LoggerFactory.getLogger(InboxWatcher.class);
    private static final String MARKER = ".done";

    private record Seen(long size, long modified) {
    }

    private final StatementDrops drops;
    private final Path dir;
    private final boolean doneMarker;
    private final Map<Path, Seen> growing = new HashMap<>();
    private final Map<Path, Seen> handed = new HashMap<>();

    public InboxWatcher(StatementDrops drops, DropProperties properties, FinBatchProperties finbatch) {
        this.drops = drops;
        this.dir = properties.watch().dir() != null ? properties.watch().dir() : finbatch.inbox();
        this.doneMarker = properties.watch().doneMarker();
    }

    public Path dir() {
        return dir;
    }

    /** Looks at the folder once; returns the files handed over for import this time. */
    public synchronized List<Path> poll() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> candidates;
        try (Stream<Path> entries = Files.list(dir)) {
            candidates = entries.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().endsWith(MARKER)).filter(Files::isRegularFile).sorted()
                    .toList();
        } catch (IOException e) {
            log.warn("cannot list the watched folder: {}", e.getMessage());
            return List.of();
        }
        Set<Path> present = new HashSet<>(candidates);
        growing.keySet().retainAll(present);
        handed.keySet().retainAll(present);
        List<Path> picked = new java.util.ArrayList<>();
        for (Path file : candidates) {
            Seen now = seen(file);
            if (now == null || now.equals(handed.get(file))) {
                continue;
            }
            if (complete(file, now)) {
                growing.remove(file);
                handed.put(file, now);
                handOver(file, now);
                picked.add(file);
            } else {
                growing.put(file, now);
            }
        }
        return picked;
    }

    private boolean complete(Path file, Seen now) {
        if (doneMarker) {
            return Files.exists(file.resolveSibling(file.getFileName() + MARKER));
        }
        return now.size() > 0 && now.equals(growing.get(file));
    }

    private void handOver(Path file, Seen seen) {
        try {
            String sha256 = FileDigest.sha256(file);
            if (drops.known(sha256)) {
                return;
            }
            DropStatus drop = drops.found(file, sha256, seen.size());
            log.info("watched folder: {} received as drop {} ({})", file.getFileName(), drop.id(), drop.status());
        } catch (RuntimeException e) {
            handed.remove(file);
            log.warn("watched folder: {} not taken this time: {}", file.getFileName(), e.getMessage());
        }
    }

    private static Seen seen(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Seen(attributes.size(), attributes.lastModifiedTime().toMillis());
        } catch (IOException vanished) {
            return null;
        }
    }
}
