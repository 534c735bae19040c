package io.finbatch.mappings.rules;

import io.finbatch.mappings.money.CurrencyUnits;
import io.finbatch.mappings.statement.Counterparty;
import io.finbatch.mappings.statement.StatementLine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Text with {@code {field}} placeholders filled from a statement line, e.g.
 * {@code "Receipt {end_to_end_id} {remittance}"}. A field the line lacks renders empty; runs of spaces
 * are then collapsed and the ends trimmed, so a missing field leaves no gap. Unknown fields and
 * unbalanced braces are refused when the template is parsed, not when a line is rendered.
 */
public final class LabelTemplate {

    /** The fields a template may name, in the order the documentation lists them. */
    public static final Map<String, Function<StatementLine, String>> FIELDS = fields();

    private final String text;
    private final List<Function<StatementLine, String>> parts; // literal text or a field of the line

    private LabelTemplate(String text, List<Function<StatementLine, String>> parts) {
        this.text = text;
        this.parts = parts;
    }

    /** Parses {@code text}; throws {@link IllegalArgumentException} naming the unknown field or stray brace. */
    public static LabelTemplate parse(String text) {
        Objects.requireNonNull(text, "text");
        List<Function<StatementLine, String>> parts = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf('{', i);
            int close = text.indexOf('}', i);
            if (close >= 0 && (open < 0 || close < open)) {
                throw new IllegalArgumentException("'}' at position " + (close + 1) + " closes no '{'");
            }
            if (open < 0) {
                parts.add(literal(text.substring(i)));
                break;
            }
            if (open > i) {
                parts.add(literal(text.substring(i, open)));
            }
            int end = text.indexOf('}', open);
            if (end < 0) {
                throw new IllegalArgumentException("'{' at position " + (open + 1) + " is not closed");
            }
            String name = text.substring(open + 1, end).trim();
            Function<StatementLine, String> field = FIELDS.get(name);
            if (field == null) {
                throw new IllegalArgumentException("unknown field {" + name + "}; known: " + String.join(", ",
                        FIELDS.keySet().stream().map(f -> "{" + f + "}").toList()));
            }
            parts.add(field);
            i = end + 1;
        }
        return new LabelTemplate(text, List.copyOf(parts));
    }

    /** The text for {@code line}; empty when every field is missing and there is no literal text. */
    public String render(StatementLine line) {
        StringBuilder out = new StringBuilder();
        for (Function<StatementLine, String> part : parts) {
            String value = part.apply(line);
            if (value != null) {
                out.append(value);
            }
        }
        return out.toString().replaceAll("\\s+", " ").trim();
    }

    private static Function<StatementLine, String> literal(String text) {
        return line -> text;
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    private static Map<String, Function<StatementLine, String>> fields() {
        Map<String, Function<StatementLine, String>> fields = new LinkedHashMap<>();
        fields.put("counterparty", l -> l.counterparty() == null ? null : l.counterparty().name());
        fields.put("counterparty_iban", LabelTemplate::counterpartyAccount);
        fields.put("remittance", StatementLine::remittance);
        fields.put("structured_reference", StatementLine::structuredReference);
        fields.put("end_to_end_id", StatementLine::endToEndId);
        fields.put("customer_reference", StatementLine::customerReference);
        fields.put("bank_reference", StatementLine::bankReference);
        fields.put("booking_date", l -> text(l.bookingDate()));
        fields.put("value_date", l -> text(l.valueDate()));
        fields.put("amount", l -> l.amount() == null ? null : CurrencyUnits.format(l.amount().abs(), l.currency()));
        fields.put("currency", StatementLine::currency);
        return Collections.unmodifiableMap(fields);
    }

    /** The counterparty's IBAN, else its other account id (a US account number...); null without one. */
    static String counterpartyAccount(StatementLine line) {
        Counterparty party = line.counterparty();
        if (party == null) {
            return null;
        }
        return party.iban() != null ? party.iban() : party.other();
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
