package io.finbatch.jobs.statementdrop;

import io.finbatch.jobs.config.FinBatchProperties;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Writes an uploaded file into the inbox so that nobody ever sees half of it: into a hidden temporary file of the
 * same folder first (the inbox import and the watcher skip hidden files), hashed and size-checked on the way,
 * then renamed atomically to {@code <first 12 hex of SHA-256>-<sanitised name>}.
 */
@Component
public class InboxStore {

    /** An upload written to a temporary file, not in the inbox yet. */
    public record Received(Path temporary, String sha256, long size, String name) {
    }

    private final Path inbox;
    private final long maxBytes;

    public InboxStore(FinBatchProperties finbatch, DropProperties drops) {
        this.inbox = finbatch.inbox();
        this.maxBytes = drops.maxSize().toBytes();
    }

    public Received receive(InputStream content, String givenName) {
        try {
            Files.createDirectories(inbox);
            Path temporary = inbox.resolve(".upload-" + UUID.randomUUID() + ".part");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long size = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), sha256)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = content.read(buffer)) >= 0; ) {
                    size += n;
                    if (size > maxBytes) {
                        throw new UploadTooLargeException(maxBytes);
                    }
                    out.write(buffer, 0, n);
                }
            } catch (RuntimeException | IOException e) {
                Files.deleteIfExists(temporary);
                throw e;
            }
            return new Received(temporary, HexFormat.of().formatHex(sha256.digest()), size,
                    SafeFileNames.sanitise(givenName));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the upload into the inbox", e);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Moves the upload into the inbox under its final name; the same content there already is kept as it is. */
    public Path publish(Received received) {
        Path target = inbox.resolve(received.sha256().substring(0, 12) + "-" + received.name());
        try {
            try {
                Files.move(received.temporary(), target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                if (!Files.exists(target)) {
                    throw e;
                }
                Files.deleteIfExists(received.temporary());
            }
            return target.toAbsolutePath().normalize();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the upload into the inbox", e);
        }
    }

    public void discard(Received received) {
        try {
            Files.deleteIfExists(received.temporary());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
