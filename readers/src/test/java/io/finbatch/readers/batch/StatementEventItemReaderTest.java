package io.finbatch.readers.batch;

import io.finbatch.mappings.statement.StatementEvent;
import io.finbatch.readers.MalformedEntryException;
import io.finbatch.readers.StatementFormats;
import io.finbatch.readers.StatementStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The step's reader parses ahead on a thread of its own and still gives the stream's events in order, each
 * malformed entry where it is, and a restart position that counts only what the step has read.
 */
class StatementEventItemReaderTest {

    @TempDir
    Path dir;

    @Test
    void theStreamsEventsAndMalformedEntriesInOrderAcrossManyBatches() throws Exception {
        Path file = statements(400, 7);
        List<String> expected = direct(file);
        assertThat(expected).hasSizeGreaterThan(2000).anyMatch(e -> e.startsWith("malformed"));

        StatementEventItemReader reader = new StatementEventItemReader(StatementFormats.all(), file);
        reader.open(new ExecutionContext());
        List<String> read = readAll(reader, Integer.MAX_VALUE);
        reader.close();
        assertThat(read).isEqualTo(expected);
    }

    @Test
    void aRestartResumesAfterWhatTheStepReadNotWhatWasParsedAhead() throws Exception {
        Path file = statements(300, 5);
        List<String> expected = direct(file);
        ExecutionContext context = new ExecutionContext();
        StatementEventItemReader first = new StatementEventItemReader(StatementFormats.all(), file);
        first.open(context);
        List<String> before = readAll(first, 777);
        first.update(context);
        first.close();
        assertThat(context.getLong(StatementEventItemReader.CONSUMED_KEY)).isEqualTo(777);

        StatementEventItemReader second = new StatementEventItemReader(StatementFormats.all(), file);
        second.open(context);
        List<String> after = readAll(second, Integer.MAX_VALUE);
        second.close();
        List<String> all = new ArrayList<>(before);
        all.addAll(after);
        assertThat(all).isEqualTo(expected);
    }

    @Test
    void aBrokenFileFailsWhereItBreaksAndOnEveryLaterRead() throws Exception {
        Path file = dir.resolve("cut.mt940");
        Files.writeString(file, Files.readString(statements(50, 0), StandardCharsets.ISO_8859_1)
                .replaceFirst(":62F:C261029EUR", ":62F:X26102"), StandardCharsets.ISO_8859_1);
        StatementEventItemReader reader = new StatementEventItemReader(StatementFormats.all(), file);
        reader.open(new ExecutionContext());
        assertThatThrownBy(() -> readAll(reader, Integer.MAX_VALUE)).hasMessageContaining(file.getFileName().toString());
        assertThatThrownBy(reader::read).hasMessageContaining(file.getFileName().toString());
        reader.close();
    }

    /** {@code count} statements of the same account, every {@code badEvery}-th entry dated in month 13. */
    private Path statements(int count, int badEvery) throws IOException {
        StringBuilder text = new StringBuilder();
        int entry = 0;
        for (int s = 0; s < count; s++) {
            text.append(":20:STMT").append(s).append("\r\n:25:DE89370400440532013000\r\n:28C:").append(s + 1)
                    .append("/1\r\n:60F:C261028EUR100,00\r\n");
            long cents = 0;
            for (int i = 0; i < 6; i++, entry++) {
                boolean bad = badEvery > 0 && entry % badEvery == badEvery - 1;
                text.append(bad ? ":61:2613991029C" : ":61:2610291029C").append(i + 1).append(",00NTRFNONREF//E")
                        .append(entry).append("\r\n:86:166?00GUTSCHRIFT?20EREF+E").append(entry).append("\r\n");
                cents += bad ? 0 : (i + 1) * 100L;
            }
            text.append(":62F:C261029EUR").append(100 + cents / 100).append(",00\r\n-\r\n");
        }
        Path file = dir.resolve("many-" + count + "-" + badEvery + ".mt940");
        Files.writeString(file, text, StandardCharsets.ISO_8859_1);
        return file;
    }

    private static List<String> direct(Path file) {
        List<String> seen = new ArrayList<>();
        try (StatementStream stream = StatementFormats.all().open(file)) {
            while (true) {
                try {
                    StatementEvent event = stream.next();
                    if (event == null) {
                        return seen;
                    }
                    seen.add(event.toString());
                } catch (MalformedEntryException e) {
                    seen.add("malformed " + e.getMessage());
                }
            }
        }
    }

    private static List<String> readAll(StatementEventItemReader reader, int limit) throws Exception {
        List<String> seen = new ArrayList<>();
        while (seen.size() < limit) {
            try {
                StatementEvent event = reader.read();
                if (event == null) {
                    break;
                }
                seen.add(event.toString());
            } catch (MalformedEntryException e) {
                seen.add("malformed " + e.getMessage());
            }
        }
        return seen;
    }
}
