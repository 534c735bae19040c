package io.finbatch.mappings.statement;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A statement balance, signed from the account holder's view (credit positive). {@code type} is the
 * file's own code: camt {@code OPBD}/{@code PRCD}/{@code CLBD}/{@code ITBD}/{@code CLAV}..., MT940
 * {@code 60F}/{@code 60M}/{@code 62F}/{@code 62M}/{@code 64}/{@code 65}.
 */
public record Balance(BigDecimal amount, String currency, LocalDate date, String type) {
}
