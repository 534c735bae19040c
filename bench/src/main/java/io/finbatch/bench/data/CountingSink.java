package io.finbatch.bench.data;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes text to a file in one charset and counts the bytes written, so generators can stop at a size. */
final class CountingSink implements AutoCloseable {

    private final OutputStream out;
    private final Charset charset;
    private long bytes;

    CountingSink(Path file, Charset charset) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
        this.charset = charset;
    }

    void write(CharSequence text) throws IOException {
        byte[] encoded = text.toString().getBytes(charset);
        out.write(encoded);
        bytes += encoded.length;
    }

    long bytes() {
        return bytes;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
