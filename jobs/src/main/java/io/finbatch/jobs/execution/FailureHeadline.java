package io.finbatch.jobs.execution;

/**
 * The one line an operator needs from a stored failure: Spring Batch keeps the whole stack trace as the exit
 * description, whose first line is often a wrapper ("Unable to process chunk"); the root cause is the last
 * "Caused by:" line. Package names are left out.
 */
final class FailureHeadline {

    private static final String CAUSED_BY = "Caused by: ";

    private FailureHeadline() {
    }

    static String of(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        String line = null;
        for (String candidate : description.split("\n")) {
            String trimmed = candidate.strip();
            if (line == null && !trimmed.isEmpty()) {
                line = trimmed;
            }
            if (trimmed.startsWith(CAUSED_BY)) {
                line = trimmed.substring(CAUSED_BY.length());
            }
        }
        return withoutPackage(line);
    }

    /** "org.example.SomeException: text" → "SomeException: text"; other text unchanged. */
    private static String withoutPackage(String line) {
        int colon = line.indexOf(": ");
        String head = colon < 0 ? line : line.substring(0, colon);
        if (!head.matches("([a-z_$][\\w$]*\\.)+[A-Z][\\w$]*")) {
            return line;
        }
        return head.substring(head.lastIndexOf('.') + 1) + (colon < 0 ? "" : line.substring(colon));
    }
}
