package io.finbatch.bench.run;

import com.prowidesoftware.swift.model.field.Field60F;
import com.prowidesoftware.swift.model.field.Field60M;
import com.prowidesoftware.swift.model.field.Field61;
import com.prowidesoftware.swift.model.field.Field62F;
import com.prowidesoftware.swift.model.field.Field62M;
import com.prowidesoftware.swift.model.mt.mt9xx.MT940;

import java.io.BufferedReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The peer: Prowide Core parsing each MT940 message of the file. The file is German-bank style (no SWIFT
 * blocks, messages ended by a {@code -} line), so each message is wrapped in a minimal FIN envelope
 * ({@code {1:..}{2:I940..}{4:...-}}), which Prowide requires. With {@code typed = true} (the anchor) every
 * {@code :61:} amount is read through the typed {@link Field61} and each statement's balance check
 * (opening + lines = closing) is done from {@code :60F:/:60M:} and {@code :62F:/:62M:}; with {@code typed =
 * false} only {@code MT940.parse} and the number of {@code :61:} fields.
 */
public final class ProwideMt940Parse implements BenchTask {

    static final String ENVELOPE_START = "{1:F01FINBDEFFAXXX0000000000}{2:I940FINBDEFFXXXXN}{4:\r\n";
    static final String ENVELOPE_END = "-}";

    private final boolean typed;

    public ProwideMt940Parse(boolean typed) {
        this.typed = typed;
    }

    @Override
    public void prepare() {
        ProwideLogging.quiet();
    }

    @Override
    public TaskResult run(Path file) throws Exception {
        long statements = 0;
        long entries = 0;
        long ok = 0;
        long failed = 0;
        BigDecimal total = BigDecimal.ZERO;
        StringBuilder message = new StringBuilder(64 * 1024).append(ENVELOPE_START);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.equals("-")) {
                    message.append(line).append("\r\n");
                    continue;
                }
                message.append(ENVELOPE_END);
                MT940 mt = MT940.parse(message.toString());
                message.setLength(ENVELOPE_START.length());
                statements++;
                if (!typed) {
                    entries += mt.getSwiftMessage().getBlock4().getTagsByName("61").length;
                    continue;
                }
                BigDecimal sum = BigDecimal.ZERO;
                for (Field61 field : mt.getField61()) {
                    entries++;
                    sum = sum.add(signed(field.getAmountAsBigDecimal(), field.getDebitCreditMark()));
                }
                total = total.add(sum);
                BigDecimal opening = opening(mt);
                BigDecimal closing = closing(mt);
                if (opening != null && closing != null && opening.add(sum).compareTo(closing) == 0) {
                    ok++;
                } else {
                    failed++;
                }
            }
        }
        return new TaskResult(statements, entries, entries, total, ok, failed, null);
    }

    /** Sign as the project's contract: D and RD (a reversal booked as a debit) negative; C and RC positive. */
    static BigDecimal signed(BigDecimal amount, String mark) {
        if (amount == null) {
            return BigDecimal.ZERO;
        }
        return mark != null && mark.endsWith("D") ? amount.negate() : amount;
    }

    static BigDecimal opening(MT940 mt) {
        Field60F f = mt.getField60F();
        if (f != null) {
            return signed(f.getAmountAsBigDecimal(), f.getDCMark());
        }
        Field60M m = mt.getField60M();
        return m == null ? null : signed(m.getAmountAsBigDecimal(), m.getDCMark());
    }

    static BigDecimal closing(MT940 mt) {
        Field62F f = mt.getField62F();
        if (f != null) {
            return signed(f.getAmountAsBigDecimal(), f.getDCMark());
        }
        Field62M m = mt.getField62M();
        return m == null ? null : signed(m.getAmountAsBigDecimal(), m.getDCMark());
    }
}
