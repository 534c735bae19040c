package io.finbatch.readers.mt940;

/**
 * One field of an MT940/MT942 message: its tag ({@code 61}, {@code 60F}, {@code NS}), its text (the rest
 * of the tag line, continuation lines joined with {@code "\n"}) and the line it starts on.
 * Two pseudo-tags mark the message structure: {@link #MESSAGE_END} and {@link #MESSAGE_TYPE}.
 */
record Field(String tag, String text, int line) {

    /** A message ended ({@code -}, {@code -}}, {@code -XXX}); its text is empty. */
    static final String MESSAGE_END = "-";

    /** A message header told the message type ({@code {2:I940...}}, {@code :940:}); text is 940 or 942. */
    static final String MESSAGE_TYPE = "MT";

    /** The first line of the text (the field value proper for single-line fields). */
    String firstLine() {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /** The continuation lines after the first, joined with {@code "\n"}; empty when there are none. */
    String continuation() {
        int newline = text.indexOf('\n');
        return newline < 0 ? "" : text.substring(newline + 1);
    }
}
