package io.finbatch.bench.run;

import io.finbatch.mappings.statement.BalanceCheck;
import io.finbatch.mappings.statement.StatementEvent;
import io.finbatch.readers.MalformedEntryException;
import io.finbatch.readers.StatementFormats;
import io.finbatch.readers.StatementStream;

import java.math.BigDecimal;
import java.nio.file.Path;

/**
 * Our product's read path: {@code StatementFormats.all().open(file)} and every event through
 * {@link StatementStream} (format detection, parsing to the canonical model, unique import ids, balance
 * check per statement), summing the line amounts so nothing can be optimised away.
 */
public final class OurReaderPass implements BenchTask {

    @Override
    public TaskResult run(Path file) {
        long statements = 0;
        long lines = 0;
        long entries = 0;
        long ok = 0;
        long failed = 0;
        long malformed = 0;
        BigDecimal sum = BigDecimal.ZERO;
        String lastEntry = null;
        try (StatementStream stream = StatementFormats.all().open(file)) {
            for (;;) {
                StatementEvent event;
                try {
                    event = stream.next();
                } catch (MalformedEntryException e) {
                    malformed++;
                    continue;
                }
                if (event == null) {
                    break;
                }
                if (event instanceof StatementEvent.Line line) {
                    lines++;
                    if (line.line().amount() != null) {
                        sum = sum.add(line.line().amount());
                    }
                    String entry = EntryKeys.entryKey(line.line().location());
                    if (entry == null || !entry.equals(lastEntry)) {
                        entries++;
                        lastEntry = entry;
                    }
                } else if (event instanceof StatementEvent.Started) {
                    statements++;
                } else if (event instanceof StatementEvent.Ended) {
                    BalanceCheck check = stream.balanceCheck();
                    if (check != null && check.ok()) {
                        ok++;
                    } else {
                        failed++;
                    }
                }
            }
        }
        if (malformed > 0) {
            System.err.println("our reader skipped " + malformed + " malformed entries");
        }
        return new TaskResult(statements, entries, lines, sum, ok, failed, null);
    }
}
