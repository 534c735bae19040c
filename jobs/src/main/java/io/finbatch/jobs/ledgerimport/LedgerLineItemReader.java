package io.finbatch.jobs.ledgerimport;

import io.finbatch.mappings.journal.LedgerLine;
import io.finbatch.readers.gl.GeneralLedgerCsvReader;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import java.nio.file.Path;

/** Reads a general-ledger CSV line by line; a restart skips the lines of the chunks already committed. */
class LedgerLineItemReader implements ItemStreamReader<LedgerLine> {

    private static final String READ_KEY = "ledgerLines.read";

    private final Path file;
    private GeneralLedgerCsvReader reader;
    private long read;

    LedgerLineItemReader(Path file) {
        this.file = file;
    }

    @Override
    public void open(ExecutionContext context) {
        reader = new GeneralLedgerCsvReader(file);
        long resumeAfter = context.getLong(READ_KEY, 0L);
        while (read < resumeAfter && reader.next() != null) {
            read++;
        }
    }

    @Override
    public LedgerLine read() {
        LedgerLine line = reader.next();
        if (line != null) {
            read++;
        }
        return line;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(READ_KEY, read);
    }

    @Override
    public void close() {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }
}
