package io.finbatch.readers.camt;

import io.finbatch.mappings.statement.StatementEvent;
import io.finbatch.readers.SourceFileException;
import io.finbatch.readers.StatementFormats;
import io.finbatch.readers.StatementStream;
import io.finbatch.readers.json.StatementJsonWriter;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Everything a hostile file produced through the product's path ({@code StatementFormats.all().open},
 * the events, the {@code parse} JSON): the events and JSON, the rejection with its causes, whatever the
 * XML parser printed on standard output or error, and the bytes the reading thread allocated.
 */
record HostileXmlOutcome(String output, SourceFileException rejection, String printed, long allocatedBytes) {

    static HostileXmlOutcome read(Path file) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        StringBuilder output = new StringBuilder();
        SourceFileException rejection = null;
        try {
            try (StatementStream stream = StatementFormats.all().open(file)) {
                StatementEvent event;
                while ((event = stream.next()) != null) {
                    output.append(event).append('\n');
                }
            }
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            try (StatementStream stream = StatementFormats.all().open(file)) {
                StatementJsonWriter.write(stream, json);
            }
            output.append(json.toString(StandardCharsets.UTF_8));
        } catch (SourceFileException e) {
            rejection = e;
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new HostileXmlOutcome(output.toString(), rejection, printed.toString(StandardCharsets.UTF_8),
                threads.getCurrentThreadAllocatedBytes() - allocatedBefore);
    }

    /** Every text this outcome exposes: output, printed text, and the messages of the rejection and its causes. */
    String everything() {
        StringBuilder all = new StringBuilder(output).append('\n').append(printed);
        for (Throwable e = rejection; e != null; e = e.getCause()) {
            all.append('\n').append(e);
        }
        return all.toString();
    }
}
