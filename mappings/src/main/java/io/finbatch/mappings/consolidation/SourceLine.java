package io.finbatch.mappings.consolidation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One journal line of an entity. {@code debit} and {@code credit} are in {@code currency}, which must be the
 * entity's functional currency (checked: a line in another currency would be translated at the wrong
 * rate). {@code counterparty} is the partner entity of an intercompany line, required on lines of
 * intercompany accounts and ignored elsewhere. {@code id} is what lineage points back to.
 */
public record SourceLine(long id, String entity, String localAccount, BigDecimal debit, BigDecimal credit,
        String currency, String counterparty, LocalDate date) {

    public SourceLine {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(localAccount, "localAccount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(date, "date");
        debit = debit == null ? BigDecimal.ZERO : debit;
        credit = credit == null ? BigDecimal.ZERO : credit;
        counterparty = counterparty == null || counterparty.isBlank() ? null : counterparty;
    }
}
