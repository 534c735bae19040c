package io.finbatch.mappings.statement;

import java.math.BigDecimal;

/** The amount in the currency the payment was made in, and the rate applied (camt AmtDtls / XchgRate). */
public record OriginalAmount(BigDecimal amount, String currency, BigDecimal rate) {
}
