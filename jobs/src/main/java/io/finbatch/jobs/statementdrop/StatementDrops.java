package io.finbatch.jobs.statementdrop;

import io.finbatch.writers.staging.StatementFileRegistry;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.WebApplicationContext;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Statement files received by the drop API or found in the watched folder: each content once. A content dropped
 * before answers with that drop and its import; one imported before (command line, schedule) answers with that
 * import; anything else is queued for a background import.
 */
@Component
public class StatementDrops {

    public static final String API = "API";
    public static final String FOLDER = "FOLDER";

    private final InboxStore inbox;
    private final StatementDropRepository drops;
    private final StatementFileRegistry registry;
    private final DropImports imports;

    StatementDrops(InboxStore inbox, StatementDropRepository drops, StatementFileRegistry registry,
            DropImports imports) {
        this.inbox = inbox;
        this.drops = drops;
        this.registry = registry;
        this.imports = imports;
    }

    /** An upload: stored in the inbox (unless its content was received before) and queued. */
    public DropStatus upload(InputStream content, String givenName, String who) {
        InboxStore.Received received = inbox.receive(content, givenName);
        Optional<DropStatus> earlier = earlier(received.sha256());
        if (earlier.isPresent()) {
            inbox.discard(received);
            return earlier.get();
        }
        Path stored = inbox.publish(received);
        return accept(received.sha256(), received.name(), stored, received.size(), API, who);
    }

    /** A complete file of the watched folder, imported where it lies. */
    DropStatus found(Path file, String sha256, long size) {
        return earlier(sha256).orElseGet(() -> accept(sha256, SafeFileNames.sanitise(file.getFileName().toString()),
                file.toAbsolutePath().normalize(), size, FOLDER, null));
    }

    boolean known(String sha256) {
        return drops.bySha256(sha256).isPresent();
    }

    public DropStatus status(long id) {
        return drops.status(id).orElseThrow(() -> new NoSuchElementException("no statement drop " + id));
    }

    /** Queued drops of a server that stopped are imported at the next start of the server (not of a command). */
    @EventListener
    void resumeQueued(ApplicationReadyEvent ready) {
        if (ready.getApplicationContext() instanceof WebApplicationContext) {
            drops.queued().forEach(imports::submit);
        }
    }

    private Optional<DropStatus> earlier(String sha256) {
        return drops.bySha256(sha256).map(d -> status(d.id()).asDuplicate());
    }

    private DropStatus accept(String sha256, String name, Path stored, long size, String source, String who) {
        Optional<StatementFileRegistry.FileRow> imported = registry.find(sha256)
                .filter(f -> "IMPORTED".equals(f.status()));
        try {
            if (imported.isPresent()) {
                long id = drops.insertImportedBefore(sha256, name, stored.toString(), size, source, who,
                        imported.get().jobExecutionId());
                return status(id).asDuplicate();
            }
            long id = drops.insertQueued(sha256, name, stored.toString(), size, source, who);
            imports.submit(id);
            return status(id);
        } catch (DuplicateKeyException sameContentAtTheSameMoment) {
            return earlier(sha256).orElseThrow();
        }
    }
}
