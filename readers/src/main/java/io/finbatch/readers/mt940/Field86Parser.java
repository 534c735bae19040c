package io.finbatch.readers.mt940;

/**
 * Reads the information field {@code :86:} of a statement line in whichever dialect the bank writes it:
 * German structured ({@code ?20}...), Dutch/SEPA slash keys ({@code /TRTP/}...), Dutch colon keys
 * ({@code IBAN: }...), or free text (all of it is the remittance information).
 */
final class Field86Parser {

    private Field86Parser() {
    }

    /** @param text the :86: text, continuation lines (and repeated :86: fields) joined with "\n" */
    static Details86 parse(String text) {
        if (text == null) {
            return Details86.EMPTY;
        }
        int start = 0;
        while (start < text.length() && text.charAt(start) <= ' ') {
            start++;
        }
        if (start == text.length()) {
            return Details86.EMPTY;
        }
        if (GermanStructuredDetails.matches(text, start)) {
            return GermanStructuredDetails.parse(text);
        }
        if (SlashKeyedDetails.matches(text, start)) {
            return SlashKeyedDetails.parse(text);
        }
        if (ColonKeyedDetails.matches(text)) {
            return ColonKeyedDetails.parse(text);
        }
        Details86.Builder details = new Details86.Builder();
        details.remittance = Text.collapsed(text);
        details.structuredReference = Text.creditorReference(details.remittance);
        return details.build();
    }
}
