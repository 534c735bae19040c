package io.finbatch.jobs.reliability;

import io.finbatch.mappings.statement.StatementEvent;
import io.finbatch.readers.StatementFormats;
import io.finbatch.readers.StatementStream;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What a clean import of statement files holds: their booked lines' unique ids and the lines' sum. */
public record ExpectedLines(List<String> uniqueIds, BigDecimal total) {

    public static ExpectedLines of(Path... files) {
        List<String> ids = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Path file : files) {
            try (StatementStream stream = StatementFormats.all().open(file)) {
                StatementEvent event;
                while ((event = stream.next()) != null) {
                    if (event instanceof StatementEvent.Line line && line.line().booked()) {
                        ids.add(line.line().uniqueImportId());
                        total = total.add(line.line().amount());
                    }
                }
            }
        }
        return new ExpectedLines(ids, total);
    }
}
