package io.finbatch.bench.crosscheck;

import io.finbatch.bench.crosscheck.FileFacts.StatementFacts;
import io.finbatch.bench.crosscheck.FileFacts.TypedBalance;
import io.finbatch.mappings.statement.Balance;
import io.finbatch.mappings.statement.StatementEvent;
import io.finbatch.readers.MalformedEntryException;
import io.finbatch.readers.StatementFormats;
import io.finbatch.readers.StatementStream;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Our reader's view of a file, through the same {@code StatementFormats.all().open} as the product. */
final class OurFacts {

    private OurFacts() {
    }

    /** @throws io.finbatch.readers.StatementFormatException when our reader rejects the file */
    static FileFacts read(Path file) {
        List<StatementFacts> statements = new ArrayList<>();
        int skipped = 0;
        String format;
        try (StatementStream stream = StatementFormats.all().open(file)) {
            format = stream.format();
            long entries = 0;
            long lines = 0;
            BigDecimal sum = BigDecimal.ZERO;
            String lastEntry = null;
            for (;;) {
                StatementEvent event;
                try {
                    event = stream.next();
                } catch (MalformedEntryException e) {
                    skipped++;
                    continue;
                }
                if (event == null) {
                    break;
                }
                if (event instanceof StatementEvent.Started) {
                    entries = 0;
                    lines = 0;
                    sum = BigDecimal.ZERO;
                    lastEntry = null;
                } else if (event instanceof StatementEvent.Line line) {
                    lines++;
                    String entry = io.finbatch.bench.run.EntryKeys.entryKey(line.line().location());
                    if (entry == null || !entry.equals(lastEntry)) {
                        entries++;
                        lastEntry = entry;
                    }
                    if (line.line().amount() != null) {
                        sum = sum.add(line.line().amount());
                    }
                } else if (event instanceof StatementEvent.Ended ended) {
                    TypedBalance opening = typed(ended.trailer().openingBalance());
                    TypedBalance closing = typed(ended.trailer().closingBalance());
                    statements.add(new StatementFacts(entries, lines, sum, List.of(), opening, closing));
                }
            }
            format = stream.format();
        }
        return new FileFacts(format, statements, skipped == 0 ? null : skipped + " malformed entries skipped");
    }

    private static TypedBalance typed(Balance balance) {
        return balance == null ? null : new TypedBalance(balance.type(), balance.amount());
    }
}
