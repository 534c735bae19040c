package io.finbatch.readers;

import io.finbatch.readers.camt.CamtFormat;
import io.finbatch.readers.mt940.Mt940Format;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Detects a statement file's format from its content (never its name) by asking each format in turn. */
public final class StatementFormats {

    private static final int HEAD_BYTES = 8192;

    private final List<StatementFormat> formats;

    public StatementFormats(List<StatementFormat> formats) {
        this.formats = List.copyOf(formats);
    }

    /** Every format this product reads. */
    public static StatementFormats all() {
        return new StatementFormats(List.of(new CamtFormat(), new Mt940Format()));
    }

    /**
     * Opens a streaming parser over the file, wrapped so that lines get their unique import ids and
     * statements their balance check.
     *
     * @throws StatementFormatException the file is missing, empty or of no known format
     */
    public StatementStream open(Path file) {
        return open(file, true);
    }

    /**
     * Opens the file as {@link #open(Path)} does, but its lines get no unique import id: for reading a file only
     * to check it (balances, accounts, syntax), where the ids would be computed and thrown away.
     */
    public StatementStream openWithoutImportIds(Path file) {
        return open(file, false);
    }

    private StatementStream open(Path file, boolean importIds) {
        String name = file.toString();
        InputStream in;
        try {
            in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
        } catch (NoSuchFileException missing) {
            throw new StatementFormatException(name, null, "file not found");
        } catch (IOException e) {
            throw new StatementFormatException(name, null, "cannot open file: " + e.getMessage(), e);
        }
        try {
            StatementParser parser = detect(in, name).open(in, name);
            return importIds ? new StatementStream(parser) : StatementStream.withoutImportIds(parser);
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
    }

    private StatementFormat detect(InputStream in, String name) {
        byte[] head = new byte[HEAD_BYTES];
        int length;
        try {
            in.mark(HEAD_BYTES);
            length = in.readNBytes(head, 0, HEAD_BYTES);
            in.reset();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        if (length == 0) {
            throw new StatementFormatException(name, "line 1", "the file is empty");
        }
        for (StatementFormat format : formats) {
            if (format.accepts(head, length)) {
                return format;
            }
        }
        throw new StatementFormatException(name, "line 1",
                "not a bank statement of a known format (MT940, MT942, camt.052, camt.053, camt.054)");
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the original failure is what matters
        }
    }
}
