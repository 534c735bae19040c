package io.finbatch.jobs.cli;

import io.finbatch.readers.StatementFormatException;
import io.finbatch.readers.StatementFormats;
import io.finbatch.readers.StatementStream;
import io.finbatch.readers.json.StatementJsonWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code parse FILE}: prints the canonical statement JSON of one file; touches no database. The JSON is
 * written to a temporary file first, so a file rejected half-way prints nothing on standard output.
 */
@Command(name = "parse", description = "Print one bank statement file as canonical JSON (no database).")
public class ParseCommand implements Callable<Integer> {

    static final int REJECTED = 2;

    @Parameters(index = "0", paramLabel = "FILE", description = "MT940, MT942, camt.052, camt.053 or camt.054 file")
    Path file;

    @Override
    public Integer call() throws IOException {
        Path buffer = Files.createTempFile("finbatch-parse-", ".json");
        try {
            try (StatementStream stream = StatementFormats.all().open(file);
                    OutputStream out = new BufferedOutputStream(Files.newOutputStream(buffer))) {
                StatementJsonWriter.write(stream, out);
            } catch (StatementFormatException rejected) {
                System.err.println(rejected.getMessage());
                return REJECTED;
            }
            try (OutputStream stdout = new BufferedOutputStream(System.out)) {
                Files.copy(buffer, stdout);
                stdout.write('\n');
            }
            return 0;
        } finally {
            Files.deleteIfExists(buffer);
        }
    }
}
