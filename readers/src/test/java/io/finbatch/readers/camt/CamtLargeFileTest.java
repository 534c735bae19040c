package io.finbatch.readers.camt;

import io.finbatch.mappings.statement.StatementEvent;
import io.finbatch.readers.StatementFormats;
import io.finbatch.readers.StatementStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated camt.053 with 200,000 entries streams through: lines are counted as they pass, nothing is
 * kept, and the statement still adds up (no timing assertions here; see the benchmarks).
 */
class CamtLargeFileTest {

    @TempDir
    Path dir;

    @Test
    void twoHundredThousandEntriesStreamThrough() throws IOException {
        int entries = 200_000;
        Path file = CamtTestFiles.writeStatement(dir.resolve("big-camt053.xml"), entries);
        long lines = 0;
        long statements = 0;
        try (StatementStream stream = StatementFormats.all().open(file)) {
            assertThat(stream.format()).isEqualTo("camt.053.001.08");
            StatementEvent event;
            while ((event = stream.next()) != null) {
                if (event instanceof StatementEvent.Line) {
                    lines++;
                } else if (event instanceof StatementEvent.Ended) {
                    statements++;
                    assertThat(stream.balanceCheck().ok()).as("balance check").isTrue();
                }
            }
        }

        assertThat(statements).isEqualTo(1);
        assertThat(lines).isEqualTo(CamtTestFiles.linesOf(entries));
    }
}
