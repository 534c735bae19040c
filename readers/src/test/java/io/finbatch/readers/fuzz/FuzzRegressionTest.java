package io.finbatch.readers.fuzz;

import io.finbatch.readers.StatementFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Inputs the fuzzer found breaking the camt reader, kept as plain cases. */
class FuzzRegressionTest {

    @TempDir
    Path dir;

    /** Was: the path to each element was rebuilt at every level, so 75,000 levels took minutes (case fc696dc7eaab6a71). */
    @Test
    void deepNestingAroundTheDocumentIsRejectedAtOnceWithAShortMessage() throws IOException {
        Path file = write("deep.xml", HugeInputMutations.deepNesting(camtExample(), 100_000, true).bytes());

        Outcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> ReaderOracle.check(file, true));

        assertThat(outcome.kind()).as(outcome.detail()).isEqualTo(Outcome.Kind.REJECTED);
        assertThat(outcome.detail()).contains("deep.xml", "line 1, column", "no camt message within 32 nested elements");
    }

    /** Was: an element's text chunks were joined without limit, so a 10 MB remittance text needed 10s of MB of heap. */
    @Test
    void anOversizedElementTextIsRejectedWithoutBufferingIt() throws IOException {
        Path file = write("long-text.xml", HugeInputMutations.hugeField(camtExample(), 2 * 1024 * 1024).bytes());

        Outcome outcome = ReaderOracle.check(file, true);

        assertThat(outcome.kind()).as(outcome.detail()).isEqualTo(Outcome.Kind.REJECTED);
        assertThat(outcome.detail()).contains("long-text.xml", "/Ntry[1], line 55, column",
                "element text longer than 65536 characters");
    }

    @Test
    void anOversizedCodeIsRejectedToo() throws IOException {
        String text = new String(camtExample(), StandardCharsets.UTF_8)
                .replaceFirst("<Sts><Cd>BOOK</Cd></Sts>", "<Sts>" + "BOOK".repeat(40_000) + "</Sts>");
        Path file = write("long-code.xml", text.getBytes(StandardCharsets.UTF_8));

        Outcome outcome = ReaderOracle.check(file, false);

        assertThat(outcome.kind()).as(outcome.detail()).isEqualTo(Outcome.Kind.REJECTED);
        assertThat(outcome.detail()).contains(StatementFormatException.class.getSimpleName(), "long-code.xml",
                "element text longer than 65536 characters");
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] camtExample() throws IOException {
        String root = System.getProperty("finbatch.projectRoot");
        return Files.readAllBytes((root == null ? Path.of("..") : Path.of(root))
                .resolve("examples/statements/03-acme-nl-20261030.camt053.xml"));
    }
}
