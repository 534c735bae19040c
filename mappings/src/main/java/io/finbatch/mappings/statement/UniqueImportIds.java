package io.finbatch.mappings.statement;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Gives each statement line an id derived from its content, never from its position in the file, so
 * the same booking seen in an intraday MT942 and again in the end-of-day MT940 (or an overlapping
 * camt.052 and camt.053) gets the same id, and a bank that reuses statement ids every year does not
 * make new lines look like old ones.
 *
 * <p>The content key is the account, currency, value date, amount and reversal mark, plus the bank's
 * own reference when there is one (it identifies the booking on the account), otherwise every
 * descriptive field of the line. Lines of one statement with the very same key (two identical card
 * payments the same day, or batch details without references) are told apart by their occurrence
 * number within the statement: the second identical line is {@code #2} in every file that carries it.
 *
 * <p>One instance follows one file, on one thread; call {@link #startStatement()} at each statement.
 * Memory grows with the number of lines of the current statement, by 8 to 16 bytes a line.
 *
 * <p>Ids are persisted, so the key and its hash must never change: the key is the text described above,
 * UTF-8 encoded as {@link String#getBytes} does, hashed with SHA-256, the first 20 bytes in lower-case hex.
 * It is built and encoded in reused buffers because this runs for every line of every file.
 */
public final class UniqueImportIds {

    private final OccurrenceCounter occurrences = new OccurrenceCounter();
    private final MessageDigest sha256 = newSha256();
    private final StringBuilder key = new StringBuilder(512);
    private byte[] utf8 = new byte[1024];
    private AccountId lastAccount;
    private String lastAccountKey;

    public void startStatement() {
        occurrences.clear();
    }

    public String idFor(AccountId account, String statementCurrency, StatementLine line) {
        key.setLength(0);
        appendContentKey(key, accountKey(account), statementCurrency, line);
        byte[] keyHash = sha256(key);
        int occurrence = occurrences.increment(firstLong(keyHash));
        byte[] id = occurrence == 1 ? keyHash : sha256(key.append("\u0000#").append(occurrence));
        return hex20(id);
    }

    private byte[] sha256(CharSequence text) {
        int length = encodeUtf8(text); // may replace the buffer: read the field after
        sha256.update(utf8, 0, length);
        return sha256.digest();
    }

    /** Encodes into {@link #utf8} as {@code String.getBytes(UTF_8)} would (a lone surrogate becomes '?'). */
    private int encodeUtf8(CharSequence text) {
        int length = text.length();
        if (utf8.length < length * 3) {
            utf8 = new byte[length * 3];
        }
        byte[] out = utf8;
        int n = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out[n++] = (byte) c;
            } else if (c < 0x800) {
                out[n++] = (byte) (0xC0 | (c >> 6));
                out[n++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                char low = i + 1 < length ? text.charAt(i + 1) : 0;
                if (Character.isHighSurrogate(c) && Character.isLowSurrogate(low)) {
                    int cp = Character.toCodePoint(c, low);
                    i++;
                    out[n++] = (byte) (0xF0 | (cp >> 18));
                    out[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    out[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    out[n++] = (byte) (0x80 | (cp & 0x3F));
                } else {
                    out[n++] = '?';
                }
            } else {
                out[n++] = (byte) (0xE0 | (c >> 12));
                out[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[n++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return n;
    }

    private static long firstLong(byte[] bytes) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (bytes[i] & 0xFF);
        }
        return value;
    }

    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

    private static String hex20(byte[] hash) {
        byte[] hex = new byte[40];
        for (int i = 0; i < 20; i++) {
            hex[2 * i] = HEX_DIGITS[(hash[i] >> 4) & 0xF];
            hex[2 * i + 1] = HEX_DIGITS[hash[i] & 0xF];
        }
        return new String(hex, StandardCharsets.ISO_8859_1);
    }

    private String accountKey(AccountId account) {
        if (account != lastAccount) {
            lastAccount = account;
            String raw = account == null ? null : account.key();
            lastAccountKey = raw == null ? null : foldSpaces(raw, "").toUpperCase(Locale.ROOT);
        }
        return lastAccountKey;
    }

    static void appendContentKey(StringBuilder key, String accountKey, String statementCurrency, StatementLine line) {
        append(key, accountKey);
        append(key, line.currency() != null ? line.currency() : statementCurrency);
        appendDate(key, line.valueDate());
        appendPlain(key, line.amount());
        key.append(line.reversal()).append('|');
        if (line.bankReference() != null && !line.bankReference().isBlank()) {
            key.append("R|");
            append(key, line.bankReference().trim());
            append(key, line.batchReference());
            append(key, line.endToEndId());
            append(key, line.customerReference());
        } else {
            key.append("C|");
            appendDate(key, line.bookingDate());
            append(key, line.batchReference());
            append(key, line.customerReference());
            append(key, line.endToEndId());
            Counterparty cp = line.counterparty();
            append(key, cp == null ? null : cp.iban());
            append(key, cp == null ? null : cp.other());
            append(key, cp == null ? null : cp.name());
            append(key, line.structuredReference());
            append(key, line.remittance());
            TransactionCode code = line.transactionCode();
            append(key, code == null ? null : code.swift());
            append(key, code == null ? null : code.proprietary());
            append(key, line.rawInformation() == null ? null : foldSpaces(line.rawInformation(), " ").trim());
        }
    }

    /** Replaces each run of white space by {@code separator}, without a regular expression. */
    static String foldSpaces(String text, String separator) {
        StringBuilder folded = null;
        boolean inSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (folded == null) {
                    folded = new StringBuilder(text.length()).append(text, 0, i);
                }
                if (!inSpace) {
                    folded.append(separator);
                }
                inSpace = true;
            } else {
                if (folded != null) {
                    folded.append(c);
                }
                inSpace = false;
            }
        }
        return folded == null ? text : folded.toString();
    }

    /** {@code amount.stripTrailingZeros().toPlainString()}, without the two intermediate objects when it fits a long. */
    static void appendPlain(StringBuilder key, BigDecimal amount) {
        if (amount == null) {
            key.append('|');
            return;
        }
        int scale = amount.scale();
        if (scale < 0 || scale > 18 || amount.precision() > 18) {
            key.append(amount.stripTrailingZeros().toPlainString()).append('|');
            return;
        }
        long unscaled = amount.unscaledValue().longValue();
        while (scale > 0 && unscaled % 10 == 0) {
            unscaled /= 10;
            scale--;
        }
        if (unscaled < 0) {
            key.append('-');
            unscaled = -unscaled;
        }
        if (scale == 0) {
            key.append(unscaled).append('|');
            return;
        }
        long pow = POWERS_OF_TEN[scale];
        key.append(unscaled / pow).append('.');
        String fraction = Long.toString(unscaled % pow);
        for (int zeros = scale - fraction.length(); zeros > 0; zeros--) {
            key.append('0');
        }
        key.append(fraction).append('|');
    }

    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    /** {@code date.toString()} ({@code yyyy-mm-dd} for the years 1000-9999) appended without a new String. */
    private static void appendDate(StringBuilder key, LocalDate date) {
        if (date == null) {
            key.append('|');
            return;
        }
        int year = date.getYear();
        if (year < 1000 || year > 9999) {
            key.append(date).append('|');
            return;
        }
        int month = date.getMonthValue();
        int day = date.getDayOfMonth();
        key.append(year).append(month < 10 ? "-0" : "-").append(month).append(day < 10 ? "-0" : "-").append(day)
                .append('|');
    }

    private static void append(StringBuilder key, String text) {
        if (text != null) {
            if (text.indexOf('|') < 0) {
                key.append(text);
            } else {
                key.append(text.replace("|", "||"));
            }
        }
        key.append('|');
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is required by every JDK", impossible);
        }
    }
}
