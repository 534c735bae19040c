package io.finbatch.readers;

import io.finbatch.mappings.statement.StatementEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A stream without unique import ids gives the same events and balance checks, only without the ids. */
class StatementStreamWithoutImportIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"01-acme-de-intraday-20261030.mt942", "02-acme-de-20261030.mt940",
        "03-acme-nl-20261030.camt053.xml"})
    void sameEventsWithoutTheIds(String example) {
        Path file = Path.of(System.getProperty("finbatch.projectRoot", ".."), "examples", "statements", example);
        List<Object> withIds = read(StatementFormats.all().open(file), true);
        List<Object> withoutIds = read(StatementFormats.all().openWithoutImportIds(file), false);

        assertThat(withoutIds).isEqualTo(withIds).isNotEmpty();
    }

    /** Every event, a line with its id taken off, and every statement's balance check. */
    private static List<Object> read(StatementStream stream, boolean idsExpected) {
        List<Object> seen = new ArrayList<>();
        try (stream) {
            for (StatementEvent event = stream.next(); event != null; event = stream.next()) {
                if (event instanceof StatementEvent.Line line) {
                    assertThat(line.line().uniqueImportId() != null).isEqualTo(idsExpected);
                    seen.add(new StatementEvent.Line(line.header(), line.line().withUniqueImportId(null)));
                } else {
                    seen.add(event);
                }
                if (event instanceof StatementEvent.Ended) {
                    seen.add(stream.balanceCheck());
                }
            }
        }
        return seen;
    }
}
