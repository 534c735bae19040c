package io.finbatch.mappings.consolidation;

/** A legal entity of the group and the currency its books are kept in. */
public record LegalEntity(String code, String functionalCurrency) {

    public LegalEntity {
        GroupAccount.requireText(code, "entity code");
        GroupAccount.requireText(functionalCurrency, "functional currency of " + code);
    }
}
