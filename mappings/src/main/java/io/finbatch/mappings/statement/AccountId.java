package io.finbatch.mappings.statement;

/**
 * The bank account a statement is about. {@code iban} holds a valid-shaped IBAN (normalised: upper
 * case, no spaces); any other identification goes to {@code other}. Fields the file lacks are null.
 */
public record AccountId(String iban, String other, String currency, String bic) {

    /** The identifier used to match lines across files: the IBAN, else the other id. */
    public String key() {
        return iban != null ? iban : other;
    }
}
