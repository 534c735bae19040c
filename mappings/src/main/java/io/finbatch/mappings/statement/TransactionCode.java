package io.finbatch.mappings.statement;

/**
 * Bank transaction code: ISO 20022 domain/family/sub-family, a proprietary code (camt {@code Prtry/Cd},
 * German GVC...), and the SWIFT transaction type of an MT940 {@code :61:} (e.g. {@code NTRF}).
 */
public record TransactionCode(String domain, String family, String subFamily, String proprietary, String swift) {

    public boolean isEmpty() {
        return domain == null && family == null && subFamily == null && proprietary == null && swift == null;
    }
}
