package io.finbatch.bench.crosscheck;

import com.prowidesoftware.swift.model.SwiftBlock4;
import com.prowidesoftware.swift.model.SwiftMessage;
import com.prowidesoftware.swift.model.field.Field61;
import com.prowidesoftware.swift.model.mt.AbstractMT;
import com.prowidesoftware.swift.model.mt.mt9xx.MT940;
import com.prowidesoftware.swift.model.mt.mt9xx.MT942;
import io.finbatch.bench.crosscheck.FileFacts.StatementFacts;
import io.finbatch.bench.crosscheck.FileFacts.TypedBalance;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Prowide Core's view of an MT940 / MT942 file. Prowide parses one FIN message at a time and needs the
 * {@code {1:}{2:}{4:} } envelope; bank files mostly have none. So this adapter (ours, not Prowide's) splits
 * the file: at each {@code {1:} where the file has envelopes, else at each {@code :20:} (dropping bank
 * header lines before the first one and {@code -} terminators), and wraps each part in a minimal envelope.
 * Amounts are signed like the project's contract (D and RD negative): Prowide itself has no sign rule.
 */
final class ProwideMtFacts {

    private static final String BLOCKS_1_2 = "{1:F01FINBDEFFAXXX0000000000}{2:I%sFINBDEFFXXXXN}{4:\r\n";

    private ProwideMtFacts() {
    }

    static FileFacts read(byte[] bytes, boolean mt942) {
        List<StatementFacts> statements = new ArrayList<>();
        for (String message : messages(decode(bytes), mt942 ? "942" : "940")) {
            AbstractMT mt = mt942 ? MT942.parse(message) : MT940.parse(message);
            SwiftMessage swift = mt == null ? null : mt.getSwiftMessage();
            SwiftBlock4 block4 = swift == null ? null : swift.getBlock4();
            if (block4 == null || block4.isEmpty()) {
                return null;
            }
            long entries = 0;
            BigDecimal sum = BigDecimal.ZERO;
            List<Field61> lines = mt942 ? ((MT942) mt).getField61() : ((MT940) mt).getField61();
            for (Field61 line : lines) {
                entries++;
                sum = sum.add(signed(line.getAmountAsBigDecimal(), line.getDebitCreditMark()));
            }
            List<TypedBalance> balances = new ArrayList<>();
            for (String tag : new String[] {"60F", "60M", "62F", "62M", "64"}) {
                String value = block4.getTagValue(tag);
                if (value != null) {
                    balances.add(new TypedBalance(tag, balance(value)));
                }
            }
            statements.add(new StatementFacts(entries, entries, sum, balances, null, null));
        }
        return new FileFacts(mt942 ? "MT942" : "MT940", statements, null);
    }

    /** {@code C250102EUR1234,56} → 1234.56 signed by its mark; null when Prowide's field has no amount. */
    private static BigDecimal balance(String value) {
        com.prowidesoftware.swift.model.field.Field60F field = new com.prowidesoftware.swift.model.field.Field60F(value);
        return field.getAmountAsBigDecimal() == null ? null : signed(field.getAmountAsBigDecimal(), field.getDCMark());
    }

    static BigDecimal signed(BigDecimal amount, String mark) {
        if (amount == null) {
            return BigDecimal.ZERO;
        }
        return mark != null && mark.endsWith("D") ? amount.negate() : amount;
    }

    static List<String> messages(String text, String type) {
        List<String> messages = new ArrayList<>();
        if (text.contains("{1:")) {
            int start = text.indexOf("{1:");
            while (start >= 0) {
                int next = text.indexOf("{1:", start + 3);
                messages.add(text.substring(start, next < 0 ? text.length() : next).strip());
                start = next;
            }
            return messages;
        }
        String header = String.format(BLOCKS_1_2, type);
        StringBuilder current = null;
        for (String line : text.split("\r\n|\r|\n")) {
            if (line.startsWith(":20:")) {
                if (current != null) {
                    messages.add(current.append("-}").toString());
                }
                current = new StringBuilder(header);
            }
            if (current == null || line.isBlank() || line.equals("-") || line.startsWith("$") || line.startsWith("@@")) {
                continue;
            }
            current.append(line).append("\r\n");
        }
        if (current != null) {
            messages.add(current.append("-}").toString());
        }
        return messages;
    }

    /** UTF-8 when the bytes are valid UTF-8, else ISO-8859-1; control characters other than CR/LF/tab removed. */
    static String decode(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 || c == '\r' || c == '\n' || c == '\t') {
                clean.append(c);
            }
        }
        return clean.toString();
    }
}
