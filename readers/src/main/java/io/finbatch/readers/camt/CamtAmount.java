package io.finbatch.readers.camt;

import java.math.BigDecimal;

/** An unsigned amount as written in the file, with its currency and, where given, the exchange rate applied. */
record CamtAmount(BigDecimal value, String currency, BigDecimal rate) {
}
