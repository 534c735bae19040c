package io.finbatch.mappings.statement;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

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
 * <p>One instance follows one file; call {@link #startStatement()} at each statement. Memory grows with
 * the number of lines of the current statement (8 bytes of key hash and a counter per line).
 */
public final class UniqueImportIds {

    private final Map<Long, Integer> occurrences = new HashMap<>();

    public void startStatement() {
        occurrences.clear();
    }

    public String idFor(AccountId account, String statementCurrency, StatementLine line) {
        String key = contentKey(account, statementCurrency, line);
        byte[] keyHash = sha256(key);
        long shortHash = ByteBuffer.wrap(keyHash).getLong();
        int occurrence = occurrences.merge(shortHash, 1, Integer::sum);
        byte[] id = occurrence == 1 ? keyHash : sha256(key + "\u0000#" + occurrence);
        return HexFormat.of().formatHex(id, 0, 20);
    }

    static String contentKey(AccountId account, String statementCurrency, StatementLine line) {
        StringBuilder key = new StringBuilder(256);
        String accountKey = account == null ? null : account.key();
        append(key, accountKey == null ? null : accountKey.replaceAll("\\s+", "").toUpperCase(Locale.ROOT));
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
            append(key, line.rawInformation() == null ? null : line.rawInformation().replaceAll("\\s+", " ").trim());
        }
        return key.toString();
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.stripTrailingZeros().toPlainString();
    }

    private static void append(StringBuilder key, Object value) {
        key.append(value == null ? "" : value.toString().replace("|", "||")).append('|');
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is required by every JDK", impossible);
        }
    }
}
