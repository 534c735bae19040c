package io.finbatch.mappings.rules;

/**
 * What a matched line books against: the local counter account, the partner and label (templates over the
 * line's fields) and an optional analytic account.
 */
public record BankLineTarget(String account, LabelTemplate partner, String analytic, LabelTemplate label) {

    public BankLineTarget {
        if (account == null || account.isBlank()) {
            throw new IllegalArgumentException("a target needs an account");
        }
    }
}
