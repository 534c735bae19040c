package io.finbatch.bench.data;

/** Appends indented XML to a StringBuilder: just enough for the camt generator, with escaping of text. */
final class XmlText {

    private final StringBuilder out;
    private int depth;

    XmlText(StringBuilder out, int depth) {
        this.out = out;
        this.depth = depth;
    }

    XmlText open(String name) {
        indent();
        out.append('<').append(name).append(">\n");
        depth++;
        return this;
    }

    XmlText close(String name) {
        depth--;
        indent();
        out.append("</").append(name).append(">\n");
        return this;
    }

    XmlText leaf(String name, String text) {
        if (text == null) {
            return this;
        }
        indent();
        out.append('<').append(name).append('>');
        escape(text);
        out.append("</").append(name).append(">\n");
        return this;
    }

    XmlText amount(String name, String currency, long minorUnits, int decimals) {
        indent();
        out.append('<').append(name).append(" Ccy=\"").append(currency).append("\">");
        Money.append(out, minorUnits, decimals, '.');
        out.append("</").append(name).append(">\n");
        return this;
    }

    private void indent() {
        for (int i = 0; i < depth; i++) {
            out.append(' ');
        }
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
    }
}
