package io.finbatch.mappings.statement;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
 */
public final class UniqueImportIds {

    private final OccurrenceCounter occurrences = new OccurrenceCounter();
    private final MessageDigest sha256 = newSha256();
    private final StringBuilder key = new StringBuilder(512);
    private AccountId lastAccount;
    private String lastAccountKey;

    public void startStatement() {
        occurrences.clear();
    }

    public String idFor(AccountId account, String statementCurrency, StatementLine line) {
        key.setLength(0);
        appendContentKey(key, accountKey(account), statementCurrency, line);
        byte[] keyHash = sha256.digest(key.toString().getBytes(StandardCharsets.UTF_8));
        int occurrence = occurrences.increment(ByteBuffer.wrap(keyHash).getLong());
        byte[] id = occurrence == 1 ? keyHash
                : sha256.digest((key + "\u0000#" + occurrence).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(id, 0, 20);
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
        append(key, line.valueDate());
        append(key, plain(line.amount()));
        append(key, line.reversal());
        if (line.bankReference() != null && !line.bankReference().isBlank()) {
            key.append("R|");
            append(key, line.bankReference().trim());
            append(key, line.batchReference());
            append(key, line.endToEndId());
            append(key, line.customerReference());
        } else {
            key.append("C|");
            append(key, line.bookingDate());
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

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.stripTrailingZeros().toPlainString();
    }

    private static void append(StringBuilder key, Object value) {
        if (value != null) {
            String text = value.toString();
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
