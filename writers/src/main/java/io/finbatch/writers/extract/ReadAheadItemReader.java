package io.finbatch.writers.extract;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads ahead on a thread of its own, a batch at a time: the database's rows are fetched and converted
 * while the step formats and writes the previous ones, instead of one after the other. The items come out
 * in the delegate's order; a failure of the delegate surfaces at the read where its item would have been.
 * Keeps no restart state (an extract is written again as a whole), so it needs a delegate that keeps none.
 */
final class ReadAheadItemReader<T> implements ItemStreamReader<T> {

    private static final int BATCHES_AHEAD = 4;

    private record Failure(Throwable cause) {
    }

    private static final Object END = new Object();

    private final ItemStreamReader<T> delegate;
    private final int batchSize;
    private final String threadName;
    private final BlockingQueue<Object> ahead = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private volatile boolean stopping;
    private Thread reading;
    private Iterator<T> batch;
    private boolean ended;

    ReadAheadItemReader(ItemStreamReader<T> delegate, int batchSize, String threadName) {
        this.delegate = delegate;
        this.batchSize = Math.max(1, batchSize);
        this.threadName = threadName;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        delegate.open(executionContext);
        stopping = false;
        ended = false;
        batch = null;
        ahead.clear();
        reading = new Thread(this::readAll, threadName);
        reading.setDaemon(true);
        reading.start();
    }

    @Override
    public T read() throws Exception {
        while (batch == null || !batch.hasNext()) {
            if (ended) {
                return null;
            }
            Object next = ahead.take();
            if (next == END) {
                ended = true;
                return null;
            }
            if (next instanceof Failure failure) {
                ended = true;
                if (failure.cause() instanceof Exception e) {
                    throw e;
                }
                throw (Error) failure.cause();
            }
            @SuppressWarnings("unchecked")
            List<T> items = (List<T>) next;
            batch = items.iterator();
        }
        return batch.next();
    }

    /** Stops the reading thread (after the read it is in) before the delegate lets its resources go. */
    @Override
    public void close() {
        stopping = true;
        try {
            if (reading != null) {
                ahead.clear(); // a reader waiting for room sees stopping
                reading.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ItemStreamException("interrupted while stopping the read-ahead", e);
        } finally {
            reading = null;
            ahead.clear();
            delegate.close();
        }
    }

    private void readAll() {
        List<T> items = new ArrayList<>(batchSize);
        try {
            T item = null;
            do {
                while (items.size() < batchSize && (item = delegate.read()) != null) {
                    items.add(item);
                }
                if (!items.isEmpty() && !handOver(items)) {
                    return;
                }
                items = new ArrayList<>(batchSize);
            } while (item != null && !stopping);
            handOver(END);
        } catch (Throwable t) { // the items read before the failure first
            if (items.isEmpty() || handOver(items)) {
                handOver(new Failure(t));
            }
        }
    }

    private boolean handOver(Object next) {
        try {
            while (!ahead.offer(next, 50, TimeUnit.MILLISECONDS)) {
                if (stopping) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
