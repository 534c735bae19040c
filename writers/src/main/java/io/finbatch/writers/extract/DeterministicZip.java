package io.finbatch.writers.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Copies a zip (an XLSX) entry by entry in the same order, each entry dated {@code time} (DOS time, no
 * extended timestamps, no time zone involved): the output depends on the entries' content only.
 */
final class DeterministicZip {

    private DeterministicZip() {
    }

    static void copy(Path source, OutputStream target, LocalDateTime time) throws IOException {
        LocalDateTime dosTime = time.getYear() < 1980 ? LocalDateTime.of(1980, 1, 1, 0, 0) : time.withNano(0);
        try (ZipFile zip = new ZipFile(source.toFile());
                ZipOutputStream out = new ZipOutputStream(target)) {
            out.setLevel(java.util.zip.Deflater.DEFAULT_COMPRESSION);
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(dosTime);
                out.putNextEntry(copy);
                try (InputStream in = zip.getInputStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }
}
