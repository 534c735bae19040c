package io.finbatch.writers.extract;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A file that receives, deflated on a thread of its own, what is written to this stream: the rows of a big
 * sheet are compressed while the next rows are produced instead of all at once when the workbook is
 * written. Raw deflate (no zlib header) ending in a sync flush rather than a final block, so that the data
 * can sit between other deflated pieces of one zip entry. Memory is bounded: a few blocks in flight.
 */
final class BackgroundDeflatedFile extends OutputStream {

    /** What the file holds once the stream is closed: {@code size} bytes deflated, and their CRC-32. */
    record Deflated(Path file, long size, long crc, long compressedSize) {
    }

    private static final int BLOCK = 1 << 18;
    private static final int BLOCKS = 4;
    private static final Block END = new Block(new byte[0], 0);

    private record Block(byte[] data, int length) {
    }

    private final Path file;
    private final int level;
    private final BlockingQueue<Block> filled = new ArrayBlockingQueue<>(BLOCKS);
    private final BlockingQueue<byte[]> spare = new ArrayBlockingQueue<>(BLOCKS + 2);
    private int allocated;
    private byte[] current;
    private int used;
    private Thread deflating;
    private volatile Throwable failure;
    private boolean closed;
    // written by the deflating thread, read after it has ended
    private long size;
    private long crc;
    private long compressedSize;

    BackgroundDeflatedFile(Path file, int level) {
        this.file = file;
        this.level = level;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        ensureOpen();
        while (length > 0) {
            if (current == null) {
                current = spareBlock();
                used = 0;
            }
            int n = Math.min(length, BLOCK - used);
            System.arraycopy(bytes, offset, current, used, n);
            used += n;
            offset += n;
            length -= n;
            if (used == BLOCK) {
                hand(new Block(current, used));
                current = null;
            }
        }
    }

    /** Hands the last block over, waits for the deflater to finish, and closes the file. Idempotent. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (current != null && used > 0) {
            hand(new Block(current, used));
        }
        current = null;
        hand(END);
        try {
            deflating.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the sheet was being compressed");
        }
        rethrowFailure();
    }

    /** The file and its figures; only after {@link #close()}. */
    Deflated deflated() {
        if (!closed || deflating.isAlive()) {
            throw new IllegalStateException("the deflated data is complete only once the stream is closed");
        }
        return new Deflated(file, size, crc, compressedSize);
    }

    private void hand(Block block) throws IOException {
        if (deflating == null) {
            deflating = new Thread(this::deflateAll, "xlsx-deflate");
            deflating.setDaemon(true);
            deflating.start();
        }
        try {
            while (!filled.offer(block, 50, TimeUnit.MILLISECONDS)) {
                rethrowFailure();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing rows to the compressor");
        }
    }

    private byte[] spareBlock() throws IOException {
        byte[] block = spare.poll();
        if (block != null) {
            return block;
        }
        if (allocated < BLOCKS + 2) {
            allocated++;
            return new byte[BLOCK];
        }
        try {
            while ((block = spare.poll(50, TimeUnit.MILLISECONDS)) == null) {
                rethrowFailure();
            }
            return block;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the compressor");
        }
    }

    private void deflateAll() {
        Deflater deflater = new Deflater(level, true);
        CRC32 checksum = new CRC32();
        byte[] out = new byte[1 << 16];
        long total = 0;
        try (CountingOutputStream sink = new CountingOutputStream(
                new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            Block block;
            while ((block = filled.take()) != END) {
                checksum.update(block.data(), 0, block.length());
                total += block.length();
                deflater.setInput(block.data(), 0, block.length());
                while (!deflater.needsInput()) {
                    sink.write(out, 0, deflater.deflate(out, 0, out.length, Deflater.NO_FLUSH));
                }
                spare.offer(block.data());
            }
            int n;
            do { // a sync flush ends on a byte boundary with the stream still open: more blocks may follow
                n = deflater.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
                sink.write(out, 0, n);
            } while (n == out.length);
            sink.flush();
            size = total;
            crc = checksum.getValue();
            compressedSize = sink.count;
        } catch (Throwable t) {
            failure = t;
            filled.clear(); // unblocks a writer waiting for room
        } finally {
            deflater.end();
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        rethrowFailure();
    }

    private void rethrowFailure() throws IOException {
        Throwable t = failure;
        if (t == null) {
            return;
        }
        if (t instanceof IOException io) {
            throw new IOException("compressing the sheet into " + file + " failed: " + io.getMessage(), io);
        }
        throw new IOException("compressing the sheet into " + file + " failed", t);
    }

    private static final class CountingOutputStream extends java.io.FilterOutputStream {
        private long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            count += length;
        }
    }
}
