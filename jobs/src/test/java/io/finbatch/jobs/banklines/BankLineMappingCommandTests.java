package io.finbatch.jobs.banklines;

import io.finbatch.jobs.support.Examples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code map-bank-lines} against a private H2 database, after the sample statements were imported. */
class BankLineMappingCommandTests {

    @TempDir
    static Path dir;

    @BeforeAll
    static void privateDatabase() {
        // a file database, as in production: each command's context opens it afresh (an in-memory H2 kept open
        // between contexts keeps constraints bound to the closed session that created them)
        System.setProperty("spring.datasource.url", "jdbc:h2:file:" + dir.resolve("finbatch").toAbsolutePath());
        System.setProperty("finbatch.rules.dir", Examples.folder().getParent().getParent().resolve("mappings/rules")
                .toString());
    }

    @AfterAll
    static void restoreDatabase() {
        System.clearProperty("spring.datasource.url");
        System.clearProperty("finbatch.rules.dir");
    }

    @Test
    void printsTheCountsAndListsTheUnmatchedLineMasked() {
        assertThat(io.finbatch.jobs.cli.FinanceBatchCommand.commandLine()
                .execute("import", "--inbox", Examples.folder().toString())).isZero();

        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = new CommandLine(new BankLineMappingCommand()).execute();
        } finally {
            System.setOut(original);
        }
        String text = out.toString(StandardCharsets.UTF_8);

        assertThat(code).as(text).isZero();
        assertThat(text).contains("COMPLETED: 12 matched, 1 unmatched, 0 period locked")
                .containsPattern("NL91\\*+4300\\s+2026-10-30\\s+45\\.00 EUR\\s+no rule matches")
                .doesNotContain("NL91ABNA0417164300");
    }
}
