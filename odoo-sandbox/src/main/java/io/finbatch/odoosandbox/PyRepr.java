package io.finbatch.odoosandbox;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code repr()} of JSON-shaped values, as Odoo prints them inside messages. Domain leaves are tuples in
 * Odoo's source, so a list of exactly three items whose first is a field name prints as a tuple.
 */
final class PyRepr {

    private PyRepr() {
    }

    static String repr(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    /** {@code (57,)} or {@code (1, 2)}: how Odoo prints a recordset's ids. */
    static String idTuple(List<Long> ids) {
        if (ids.size() == 1) {
            return "(" + ids.get(0) + ",)";
        }
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < ids.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(ids.get(i));
        }
        return out.append(')').toString();
    }

    private static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("None");
        } else if (value instanceof Boolean b) {
            out.append(b ? "True" : "False");
        } else if (value instanceof String s) {
            out.append('\'').append(s.replace("\\", "\\\\").replace("'", "\\'")).append('\'');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(first ? "" : ", ");
                first = false;
                append(out, e.getKey());
                out.append(": ");
                append(out, e.getValue());
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            boolean tuple = list.size() == 3 && list.iterator().next() instanceof String s && !s.isEmpty()
                    && Character.isLetter(s.charAt(0));
            out.append(tuple ? '(' : '[');
            boolean first = true;
            for (Object item : list) {
                out.append(first ? "" : ", ");
                first = false;
                append(out, item);
            }
            out.append(tuple ? ')' : ']');
        } else {
            out.append(value);
        }
    }
}
