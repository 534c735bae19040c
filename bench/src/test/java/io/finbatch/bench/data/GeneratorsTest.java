package io.finbatch.bench.data;

import io.finbatch.bench.run.OurReaderPass;
import io.finbatch.bench.run.ProwideCamtParse;
import io.finbatch.bench.run.ProwideMt940Parse;
import io.finbatch.bench.run.RawStaxPass;
import io.finbatch.bench.run.TaskResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Small generated files: same seed, same bytes; and every reader finds exactly what the generator wrote. */
class GeneratorsTest {

    private static final long MB = 1_000_000L;

    @TempDir
    Path dir;

    @Test
    void camtIsDeterministicAndOfTheAskedSize() throws Exception {
        DataFacts first = CamtGenerator.generate(dir.resolve("a.xml"), 2 * MB, 7);
        DataFacts second = CamtGenerator.generate(dir.resolve("b.xml"), 2 * MB, 7);
        DataFacts other = CamtGenerator.generate(dir.resolve("c.xml"), 2 * MB, 8);

        assertThat(Files.mismatch(dir.resolve("a.xml"), dir.resolve("b.xml"))).isEqualTo(-1);
        assertThat(Files.mismatch(dir.resolve("a.xml"), dir.resolve("c.xml"))).isNotEqualTo(-1);
        assertThat(first).isEqualTo(second);
        assertThat(first.bytes()).isBetween(2 * MB, 4 * MB);
        assertThat(first.details()).isGreaterThan(first.entries());
        assertThat(first.pendingEntries()).isPositive();
        assertThat(DataFacts.readBeside(dir.resolve("a.xml"))).isEqualTo(first);
        assertThat(other.entries()).isPositive();
    }

    @Test
    void camtIsReadCompletelyByOurReaderTheRawStaxPassAndProwide() throws Exception {
        Path file = dir.resolve("camt.xml");
        DataFacts facts = CamtGenerator.generate(file, 3 * MB, 11);

        TaskResult ours = new OurReaderPass().run(file);
        assertThat(ours.statements()).isEqualTo(facts.statements());
        assertThat(ours.entries()).isEqualTo(facts.entries());
        assertThat(ours.lines()).isEqualTo(facts.details());
        assertThat(ours.signedSum()).isEqualByComparingTo(facts.signedSumOfEntries());
        assertThat(ours.balanceChecksFailed()).as("opening + booked lines = closing").isZero();
        assertThat(ours.balanceChecksOk()).isEqualTo(facts.statements());

        for (RawStaxPass.Parser parser : RawStaxPass.Parser.values()) {
            TaskResult raw = new RawStaxPass(parser).run(file);
            assertThat(raw.entries()).as("raw pass, %s", parser).isEqualTo(facts.entries());
            assertThat(raw.statements()).as("raw pass, %s", parser).isEqualTo(facts.statements());
        }

        ProwideCamtParse prowide = new ProwideCamtParse();
        prowide.prepare();
        TaskResult theirs = prowide.run(file);
        assertThat(theirs.entries()).isEqualTo(facts.entries());
        assertThat(theirs.lines()).isEqualTo(facts.details());
        assertThat(theirs.signedSum()).isEqualByComparingTo(facts.signedSumOfEntries());
    }

    @Test
    void mt940IsDeterministicAndBalanced() throws Exception {
        Path file = dir.resolve("a.sta");
        DataFacts facts = Mt940Generator.generate(file, 2 * MB, 5);
        Mt940Generator.generate(dir.resolve("b.sta"), 2 * MB, 5);
        assertThat(Files.mismatch(file, dir.resolve("b.sta"))).isEqualTo(-1);

        for (String line : Files.readAllLines(file, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(65);
        }

        TaskResult ours = new OurReaderPass().run(file);
        assertThat(ours.statements()).isEqualTo(facts.statements());
        assertThat(ours.lines()).isEqualTo(facts.entries());
        assertThat(ours.signedSum()).isEqualByComparingTo(facts.signedSumOfEntries());
        assertThat(ours.balanceChecksFailed()).isZero();

        ProwideMt940Parse prowide = new ProwideMt940Parse(true);
        prowide.prepare();
        TaskResult theirs = prowide.run(file);
        assertThat(theirs.entries()).isEqualTo(facts.entries());
        assertThat(theirs.signedSum()).isEqualByComparingTo(facts.signedSumOfEntries());
        assertThat(theirs.balanceChecksFailed()).isZero();
    }
}
