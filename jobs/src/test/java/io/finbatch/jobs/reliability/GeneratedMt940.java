package io.finbatch.jobs.reliability;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** An MT940 statement of one account with {@code entries} booked lines that add up, from a fixed seed. */
public final class GeneratedMt940 {

    public static final String ACCOUNT = "DE89370400440532013000";

    private GeneratedMt940() {
    }

    public static Path write(Path file, int entries, long seed) throws IOException {
        return write(file, ACCOUNT, entries, seed);
    }

    /** The same for another account (an IBAN). */
    public static Path write(Path file, String account, int entries, long seed) throws IOException {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        BigDecimal opening = new BigDecimal("5000000.00");
        BigDecimal balance = opening;
        text.append(":20:CRASH").append(seed).append("\r\n:25:").append(account).append("\r\n:28C:00001/001\r\n")
                .append(":60F:C261030EUR").append(amount(opening)).append("\r\n");
        for (int i = 1; i <= entries; i++) {
            BigDecimal value = new BigDecimal(random.nextInt(999_999) + 1).movePointLeft(2);
            boolean credit = random.nextBoolean();
            balance = credit ? balance.add(value) : balance.subtract(value);
            text.append(":61:2610301030").append(credit ? "C" : "D").append(amount(value)).append("NTRF")
                    .append("REF").append(seed).append('-').append(i).append("//B").append(i).append("\r\n")
                    .append(":86:166?00SEPA-UEBERWEISUNG?20EREF+INV-").append(seed).append('-').append(i)
                    .append("?21SVWZ+Invoice ").append(i).append("?32Customer ").append(i % 17).append("\r\n");
        }
        text.append(":62F:C261030EUR").append(amount(balance)).append("\r\n-\r\n");
        return Files.writeString(file, text.toString(), StandardCharsets.ISO_8859_1);
    }

    private static String amount(BigDecimal value) {
        return value.toPlainString().replace('.', ',');
    }
}
