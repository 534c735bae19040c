package io.finbatch.writers.extract;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The extract writers' UTF-8 writer encodes exactly as the JDK's {@code OutputStreamWriter}. */
class Utf8WriterTests {

    private static final char[] ALPHABET = {'a', 'Z', '0', ' ', '<', '&', '"', '\n', 'ü', 'ß', '€', '中',
        '\uD83C', '\uDF81', '\uD800', '\uDC00'};

    @Test
    void sameBytesAsOutputStreamWriterWhateverTheBufferAndTheCalls() throws IOException {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            ByteArrayOutputStream ours = new ByteArrayOutputStream();
            ByteArrayOutputStream jdks = new ByteArrayOutputStream();
            try (Writer a = new Utf8Writer(ours, 16 + random.nextInt(40));
                    Writer b = new OutputStreamWriter(jdks, StandardCharsets.UTF_8)) {
                for (int piece = 0; piece < 50; piece++) {
                    StringBuilder text = new StringBuilder();
                    for (int i = random.nextInt(120); i > 0; i--) {
                        text.append(random.nextInt(3) == 0 ? ALPHABET[random.nextInt(ALPHABET.length)]
                                : (char) ('a' + random.nextInt(26)));
                    }
                    switch (random.nextInt(4)) {
                        case 0 -> { a.write(text.toString()); b.write(text.toString()); }
                        case 1 -> { a.append(text); b.append(text); }
                        case 2 -> { a.write(text.toString().toCharArray()); b.write(text.toString().toCharArray()); }
                        default -> {
                            for (int i = 0; i < text.length(); i++) {
                                a.write(text.charAt(i));
                                b.write(text.charAt(i));
                            }
                        }
                    }
                }
            }
            assertThat(ours.toByteArray()).isEqualTo(jdks.toByteArray());
        }
    }
}
