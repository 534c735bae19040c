package io.finbatch.readers.fuzz;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 10 MB fields, 10 MB lines, 10 MB of garbage and 100,000 nested elements, read in a JVM whose heap
 * ({@value #HEAP}) is smaller than twice the oversized part: a reader that buffered the whole field
 * (as chars, 2 bytes each) would run out of memory there, which the probe reports as a violation.
 *
 * <p>The XML parser holds a whole attribute value or comment before reporting it: its limits (64 Ki characters
 * for an attribute, 128 Ki for a comment) make a 10 MB one a rejection within the same small heap.
 */
class FuzzHugeInputHeapTest {

    static final String HEAP = "-Xmx16m";
    static final int HUGE = 10 * 1024 * 1024;
    static final int DEEP = 100_000;

    @TempDir
    static Path dir;

    private static final Map<String, Path> inputs = new LinkedHashMap<>();

    @BeforeAll
    static void writeInputs() throws IOException {
        byte[] mt940 = example("02-acme-de-20261030.mt940");
        byte[] camt = example("03-acme-nl-20261030.camt053.xml");
        byte[] noise = new byte[HUGE];
        new Random(HUGE).nextBytes(noise);
        write("mt940-86-one-line.sta", HugeInputMutations.hugeField(mt940, HUGE).bytes());
        write("mt940-86-continuation-lines.sta", HugeInputMutations.endlessContinuation(mt940, HUGE).bytes());
        write("camt-element-text.xml", HugeInputMutations.hugeField(camt, HUGE).bytes());
        write("camt-text-split-by-comments.xml", HugeInputMutations.endlessContinuation(camt, HUGE).bytes());
        write("camt-deep-in-entry.xml", HugeInputMutations.deepNesting(camt, DEEP, false).bytes());
        write("camt-deep-around-document.xml", HugeInputMutations.deepNesting(camt, DEEP, true).bytes());
        write("mt940-deep-blocks.sta", HugeInputMutations.deepNesting(mt940, DEEP, false).bytes());
        write("garbage-after-lt.xml", Splice.concat("<".getBytes(StandardCharsets.US_ASCII), noise));
        write("garbage-after-tag.sta", Splice.concat(":20:X\r\n".getBytes(StandardCharsets.US_ASCII), noise));
        write("camt-attribute.xml", HugeInputMutations.hugeAttribute(camt, HUGE).bytes());
        byte[] comment = Splice.concat("<!--".getBytes(StandardCharsets.US_ASCII), Splice.repeat("<> ", HUGE),
                "-->".getBytes(StandardCharsets.US_ASCII));
        write("camt-comment.xml",
                Splice.insert(camt, new String(camt, StandardCharsets.ISO_8859_1).indexOf("<Ntry>"), comment));
    }

    @Test
    void hugeAndDeepInputsAreReadOrRejectedInASmallHeap() throws Exception {
        assertReadOrRejected(HEAP, inputs);
    }

    private static void assertReadOrRejected(String heap, Map<String, Path> files) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaBinary(), heap, "-XX:+UseSerialGC", "-Xss512k",
                "-cp", System.getProperty("java.class.path"), HugeInputProbe.class.getName()));
        files.values().forEach(file -> command.add(file.toString()));
        Process probe = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(120, TimeUnit.SECONDS)).as("probe finished").isTrue();
        System.out.print("huge inputs in " + heap + ":\n" + output);

        assertThat(probe.exitValue()).as("probe exit status; output:%n%s", output).isZero();
        List<String> lines = output.lines().toList();
        assertThat(lines).as("one line per input").hasSize(files.size());
        assertThat(lines).as("every huge input read or rejected with file and location, within " + heap)
                .allSatisfy(line -> assertThat(line.split("\t")[1]).isIn("PARSED", "REJECTED"));
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static byte[] example(String name) throws IOException {
        String root = System.getProperty("finbatch.projectRoot");
        return Files.readAllBytes((root == null ? Path.of("..") : Path.of(root)).resolve("examples/statements").resolve(name));
    }

    private static void write(String name, byte[] bytes) throws IOException {
        inputs.put(name, Files.write(dir.resolve(name), bytes));
    }
}
