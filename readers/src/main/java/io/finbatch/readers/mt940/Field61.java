package io.finbatch.readers.mt940;

import io.finbatch.mappings.statement.OriginalAmount;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A parsed statement line {@code :61:}: {@code YYMMDD[MMDD](C|D|RC|RD)[funds code]amount type
 * [customer reference][//bank reference]} and the supplementary details on the next line.
 * The amount is signed from the account holder's view (RD = reversal of a credit, booked as a debit: negative).
 */
record Field61(
        LocalDate valueDate,
        LocalDate entryDate,
        BigDecimal amount,
        boolean reversal,
        String fundsCode,
        String transactionType,
        String customerReference,
        String bankReference,
        String supplementaryDetails,
        OriginalAmount originalAmount) {
}
