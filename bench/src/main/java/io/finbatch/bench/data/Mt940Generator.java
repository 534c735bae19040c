package io.finbatch.bench.data;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes an MT940 file as German banks deliver it (no SWIFT blocks, CRLF, one message per statement ended
 * by {@code -}): many made-up accounts ({@code :25:} as bank code/account number or IBAN), day after day,
 * {@code :60F:} + {@code :61:} lines + {@code :62F:} that add up, and a German structured {@code :86:}
 * ({@code GVC?00..?10..?20-?29 SEPA keywords..?30..?34}, continued in {@code ?60-?63}) wrapped at 65
 * characters. A few reversals ({@code RC}/{@code RD}, signed as the project's contract says: RD negative)
 * and foreign amounts ({@code /OCMT/} in the supplementary details). Deterministic for a seed and size.
 */
public final class Mt940Generator {

    private static final int ACCOUNTS = 60;
    private static final int MAX_LINE = 65;

    private final Random random;
    private final long seed;
    private final List<Account> accounts = new ArrayList<>();
    private LocalDate day = LocalDate.of(2025, 1, 2);
    private long bankRef;

    private long statements;
    private long entries;
    private BigDecimal signedSum = BigDecimal.ZERO;

    private Mt940Generator(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
        for (int i = 0; i < ACCOUNTS; i++) {
            String iban = Ibans.german(random);
            String id = i % 3 == 0 ? iban : iban.substring(4, 12) + "/" + iban.substring(12);
            accounts.add(new Account(id, Money.randomAmount(random, 5_000_000)));
        }
    }

    public static DataFacts generate(Path file, long targetBytes, long seed) throws IOException {
        Mt940Generator generator = new Mt940Generator(seed);
        long bytes;
        try (CountingSink sink = new CountingSink(file, StandardCharsets.ISO_8859_1)) {
            int next = 0;
            StringBuilder message = new StringBuilder(1 << 20);
            while (sink.bytes() < targetBytes) {
                message.setLength(0);
                generator.writeStatement(message, generator.accounts.get(next));
                sink.write(message);
                if (++next == generator.accounts.size()) {
                    next = 0;
                    generator.day = CamtGenerator.nextBusinessDay(generator.day);
                }
            }
            bytes = sink.bytes();
        }
        DataFacts facts = new DataFacts("mt940", bytes, generator.statements, generator.entries, generator.entries,
                0, generator.signedSum, seed);
        facts.writeBeside(file);
        return facts;
    }

    private void writeStatement(StringBuilder out, Account account) {
        account.sequence++;
        statements++;
        String yymmdd = yymmdd(day);
        long opening = account.balance;
        out.append(":20:STARTUMSE").append(account.sequence).append("\r\n")
                .append(":25:").append(account.id).append("\r\n")
                .append(":28C:").append(pad(account.sequence, 5)).append("/001\r\n")
                .append(":60F:");
        balance(out, opening, yymmdd);
        int count = 5 + random.nextInt(300);
        for (int i = 0; i < count; i++) {
            account.balance += writeEntry(out);
        }
        out.append(":62F:");
        balance(out, account.balance, yymmdd);
        out.append(":64:");
        balance(out, account.balance, yymmdd);
        out.append("-\r\n");
    }

    private static void balance(StringBuilder out, long amount, String yymmdd) {
        out.append(amount < 0 ? 'D' : 'C').append(yymmdd).append("EUR");
        Money.append(out, amount, 2, ',');
        out.append("\r\n");
    }

    /** Writes :61: and :86:; returns the signed amount (contract: D and RD negative, C and RC positive). */
    private long writeEntry(StringBuilder out) {
        int kind = random.nextInt(100);
        boolean credit = kind < 38 || (kind >= 90 && random.nextBoolean());
        boolean directDebit = !credit && kind < 60;
        boolean foreign = kind >= 90 && kind < 96;
        boolean reversal = random.nextInt(150) == 0;
        long amount = Money.randomAmount(random, directDebit ? 8_000 : 60_000);
        String endToEnd = random.nextInt(4) == 0 ? null : "E2E" + Ibans.alnum(random, 13 + random.nextInt(10));
        LocalDate valueDate = random.nextInt(5) == 0 ? day.plusDays(1) : day;

        out.append(":61:").append(yymmdd(valueDate)).append(mmdd(day));
        if (reversal) {
            out.append('R');
        }
        out.append(credit ? 'C' : 'D');
        Money.append(out, amount, 2, ',');
        String gvc = credit ? (foreign ? "202" : "166") : directDebit ? "105" : foreign ? "212" : "116";
        out.append(directDebit ? "NDDT" : "NTRF");
        String customerRef = endToEnd == null ? "NONREF" : endToEnd.substring(0, Math.min(16, endToEnd.length()));
        out.append(customerRef).append("//").append(Long.toString(2_500_000_000L + ++bankRef)).append("\r\n");
        if (foreign) {
            out.append("/OCMT/").append(random.nextBoolean() ? "USD" : "GBP");
            Money.append(out, Math.round(amount * (0.7 + random.nextDouble())), 2, ',');
            out.append("/\r\n");
        }
        details86(out, gvc, credit, directDebit, reversal, endToEnd);

        entries++;
        long signed = credit ? amount : -amount;
        signedSum = signedSum.add(Money.toDecimal(signed, 2));
        return signed;
    }

    private void details86(StringBuilder out, String gvc, boolean credit, boolean directDebit, boolean reversal,
            String endToEnd) {
        List<String> subfields = new ArrayList<>(16);
        subfields.add("?00" + (reversal ? "STORNO " : "") + (directDebit ? "SEPA-BASISLASTSCHRIFT"
                : credit ? "SEPA-GUTSCHRIFT" : "SEPA-UEBERWEISUNG"));
        subfields.add("?10" + Ibans.digits(random, 4));
        StringBuilder purpose = new StringBuilder(200);
        if (endToEnd != null) {
            purpose.append("EREF+").append(endToEnd);
        }
        if (directDebit) {
            purpose.append("MREF+M").append(Ibans.digits(random, 9));
            purpose.append("CRED+DE").append(Ibans.digits(random, 2)).append("ZZZ").append(Ibans.digits(random, 11));
        }
        purpose.append("SVWZ+").append(ascii(Words.purpose(random, 20 + random.nextInt(110))));
        int tag = 20;
        for (int i = 0; i < purpose.length() && tag <= 29; i += 27) {
            subfields.add("?" + tag++ + purpose.substring(i, Math.min(purpose.length(), i + 27)));
        }
        subfields.add("?30" + Ibans.bic(random, "DE"));
        subfields.add("?31" + Ibans.german(random));
        String name = ascii(Words.party(random));
        subfields.add("?32" + name.substring(0, Math.min(27, name.length())));
        if (name.length() > 27) {
            subfields.add("?33" + name.substring(27, Math.min(54, name.length())));
        }
        subfields.add("?34" + (directDebit ? "992" : "000"));

        StringBuilder line = new StringBuilder(MAX_LINE);
        line.append(":86:").append(gvc);
        for (String subfield : subfields) {
            if (line.length() + subfield.length() > MAX_LINE) {
                out.append(line).append("\r\n");
                line.setLength(0);
            }
            line.append(subfield);
        }
        out.append(line).append("\r\n");
    }

    /** SWIFT character set: umlauts spelled out, '&' as '+'. */
    static String ascii(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case 'ä' -> out.append("ae");
                case 'ö', 'ø' -> out.append("oe");
                case 'ü' -> out.append("ue");
                case 'Ä' -> out.append("Ae");
                case 'Ö' -> out.append("Oe");
                case 'Ü' -> out.append("Ue");
                case 'ß' -> out.append("ss");
                case 'ł' -> out.append('l');
                case 'ë' -> out.append('e');
                case '&' -> out.append('+');
                default -> out.append(c < 128 ? c : '.');
            }
        }
        return out.toString();
    }

    private static String yymmdd(LocalDate date) {
        return pad(date.getYear() % 100, 2) + pad(date.getMonthValue(), 2) + pad(date.getDayOfMonth(), 2);
    }

    private static String mmdd(LocalDate date) {
        return pad(date.getMonthValue(), 2) + pad(date.getDayOfMonth(), 2);
    }

    private static String pad(int value, int width) {
        String text = Integer.toString(value);
        return "0".repeat(Math.max(0, width - text.length())) + text;
    }

    private static final class Account {
        final String id;
        long balance;
        int sequence;

        Account(String id, long balance) {
            this.id = id;
            this.balance = balance;
        }
    }
}
