package io.finbatch.readers.batch;

import io.finbatch.mappings.statement.StatementEvent;
import io.finbatch.readers.MalformedEntryException;
import io.finbatch.readers.StatementStream;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The events of a statement stream parsed on a thread of their own, a batch ahead of the step: the next
 * chunk is parsed while the last one is written to the database. Events and malformed entries come out in
 * the stream's order, each malformed entry where it was (the step skips it and the stream goes on); any other
 * failure ends the reading and is thrown where it happened, and again on every later call.
 */
final class EventsReadAhead {

    private static final int BATCH = 256;
    private static final int BATCHES_AHEAD = 16;
    private static final Object END = new Object();

    private record Thrown(Throwable failure) {
    }

    private final StatementStream stream;
    private final BlockingQueue<List<Object>> ahead = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final Thread reading;
    private volatile boolean stopping;
    private List<Object> batch = List.of();
    private int next;
    private Object last;

    EventsReadAhead(StatementStream stream, String threadName) {
        this.stream = stream;
        this.reading = new Thread(this::readAll, threadName);
        reading.setDaemon(true);
        reading.start();
    }

    /** The next event, null at the end of the stream; throws what the stream threw at this position. */
    StatementEvent next() throws InterruptedException {
        if (last != null) { // the end, or a failure that ended the reading
            return endOrThrow(last);
        }
        if (next == batch.size()) {
            batch = ahead.take();
            next = 0;
        }
        Object item = batch.get(next++);
        if (item instanceof StatementEvent event) {
            return event;
        }
        if (item instanceof Thrown thrown && thrown.failure() instanceof MalformedEntryException malformed) {
            throw malformed;
        }
        last = item;
        return endOrThrow(item);
    }

    /** Stops the reading thread; the caller closes the stream afterwards. */
    void stop() throws InterruptedException {
        stopping = true;
        ahead.clear();
        reading.join();
        ahead.clear();
    }

    private static StatementEvent endOrThrow(Object item) {
        if (item == END) {
            return null;
        }
        Throwable failure = ((Thrown) item).failure();
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        throw (Error) failure;
    }

    private void readAll() {
        List<Object> items = new ArrayList<>(BATCH);
        while (!stopping) {
            Object item;
            try {
                StatementEvent event = stream.next();
                item = event == null ? END : event;
            } catch (MalformedEntryException malformed) {
                item = new Thrown(malformed);
            } catch (Throwable failure) {
                item = new Thrown(failure);
            }
            items.add(item);
            boolean finished = item == END || item instanceof Thrown t && !(t.failure() instanceof MalformedEntryException);
            if (finished || items.size() == BATCH) {
                if (!handOver(items) || finished) {
                    return;
                }
                items = new ArrayList<>(BATCH);
            }
        }
    }

    private boolean handOver(List<Object> items) {
        try {
            while (!ahead.offer(items, 50, TimeUnit.MILLISECONDS)) {
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
