package io.finbatch.readers.batch;

import io.finbatch.mappings.statement.StatementEvent;
import io.finbatch.readers.MalformedEntryException;
import io.finbatch.readers.StatementFormats;
import io.finbatch.readers.StatementStream;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import java.nio.file.Path;

/**
 * Reads a statement file as a stream of statement events (statement started, lines, statement ended)
 * for a chunk-oriented step. Saves how many events were consumed, so a restarted step reads the file
 * again from the start and resumes after the last committed chunk. A malformed entry surfaces as a
 * {@link MalformedEntryException} from {@link #read()}, which the step may skip; it counts as consumed.
 * The file is parsed a few thousand events ahead on a thread of its own ({@link EventsReadAhead}), so the
 * next chunk is parsed while the last one is written; what counts as consumed is what the step has read.
 */
public class StatementEventItemReader implements ItemStreamReader<StatementEvent> {

    static final String CONSUMED_KEY = "statementEvents.consumed";

    private final StatementFormats formats;
    private final Path file;
    private StatementStream stream;
    private EventsReadAhead events;
    private long consumed;

    public StatementEventItemReader(StatementFormats formats, Path file) {
        this.formats = formats;
        this.file = file;
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        stream = formats.open(file);
        long resumeAfter = context.getLong(CONSUMED_KEY, 0L);
        while (consumed < resumeAfter) {
            try {
                consumed++;
                if (stream.next() == null) {
                    throw new ItemStreamException(file + ": the file is shorter than when it was last read ("
                            + resumeAfter + " events); it changed since the import started");
                }
            } catch (MalformedEntryException alreadySkipped) {
                // it was skipped (and recorded) before the restart
            }
        }
        events = new EventsReadAhead(stream, "statement-events-" + file.getFileName());
    }

    @Override
    public StatementEvent read() throws InterruptedException {
        consumed++;
        StatementEvent event = events.next();
        if (event == null) {
            consumed--;
        }
        return event;
    }

    @Override
    public void update(ExecutionContext context) throws ItemStreamException {
        context.putLong(CONSUMED_KEY, consumed);
    }

    @Override
    public void close() throws ItemStreamException {
        if (events != null) {
            try {
                events.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ItemStreamException("interrupted while stopping the reading of " + file, e);
            } finally {
                events = null;
            }
        }
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    /** The format detected when the file was opened. */
    public String format() {
        return stream == null ? null : stream.format();
    }
}
