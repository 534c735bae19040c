package io.finbatch.mappings.consolidation;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One amount landing on a group account, in the group currency, debit positive: a translated source line,
 * an entity's translation difference, or a line of an elimination entry. Every figure of the consolidated
 * trial balance is the sum of its contributions, to the cent: the balance is the sum of the amounts, the
 * debit the sum of the positive ones, the credit the sum of the negative ones.
 *
 * @param sourceLineId the source line, for {@link Kind#SOURCE_LINE}; null otherwise
 * @param reference    the synthetic entry's own id ({@code FXDIFF:2026-10:ACME-US},
 *                     {@code ELIM:2026-10:ACME-DE:ACME-US:RECEIVABLE_PAYABLE}); null for a source line
 * @param entity       the entity whose column it belongs to; for an elimination line, the entity whose
 *                     balance it reverses, and null on the line to the intercompany difference account
 * @param rate         the rate the source line was translated at; null otherwise
 */
public record Contribution(Kind kind, Long sourceLineId, String reference, String entity, String groupAccount,
        BigDecimal amount, BigDecimal rate) {

    public enum Kind {
        /** A source line, translated. */
        SOURCE_LINE,
        /** An entity's translation difference, on the translation reserve account. */
        TRANSLATION,
        /** A line of an elimination entry. */
        ELIMINATION
    }

    public Contribution {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(groupAccount, "groupAccount");
        Objects.requireNonNull(amount, "amount");
    }

    static Contribution sourceLine(long id, String entity, String groupAccount, BigDecimal amount, BigDecimal rate) {
        return new Contribution(Kind.SOURCE_LINE, id, null, entity, groupAccount, amount, rate);
    }

    static Contribution synthetic(Kind kind, String reference, String entity, String groupAccount,
            BigDecimal amount) {
        return new Contribution(kind, null, reference, entity, groupAccount, amount, null);
    }

    /** The amount when positive, else zero (with the amount's scale). */
    public BigDecimal debit() {
        return amount.signum() > 0 ? amount : amount.multiply(BigDecimal.ZERO);
    }

    /** Minus the amount when negative, else zero (with the amount's scale). */
    public BigDecimal credit() {
        return amount.signum() < 0 ? amount.negate() : amount.multiply(BigDecimal.ZERO);
    }
}
