package io.finbatch.readers.camt;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One {@code Ntry} as read, with its transaction details; the only part of a file held in memory. */
final class CamtEntry {

    String path;
    int line;
    int column;

    String entryReference;
    String accountServicerReference;
    CamtAmount amount;
    String direction;
    boolean reversal;
    String status;
    LocalDate bookingDate;
    LocalDate valueDate;
    final CamtTransactionCode code = new CamtTransactionCode();
    final CamtAmountDetails amountDetails = new CamtAmountDetails();
    String batchMessageId;
    String batchPaymentInformationId;
    String additionalInformation;
    final List<CamtTransaction> transactions = new ArrayList<>(1);

    /** First reason the entry cannot be used, with where it was found; null when it is fine. */
    String problem;
    String problemPosition;

    void problem(String reason, String position) {
        if (problem == null) {
            problem = reason;
            problemPosition = position;
        }
    }

    /** The entry's own reference, used as the batch reference of its detail lines. */
    String reference() {
        if (accountServicerReference != null) {
            return accountServicerReference;
        }
        if (entryReference != null) {
            return entryReference;
        }
        return batchPaymentInformationId != null ? batchPaymentInformationId : batchMessageId;
    }

    /** A short summary of what was read, for the exception queue (the raw XML is not kept while streaming). */
    String snippet() {
        return "Ntry{Amt=" + (amount == null ? null : amount.value() + " " + amount.currency())
                + ", CdtDbtInd=" + direction + ", Sts=" + status + ", BookgDt=" + bookingDate
                + ", ValDt=" + valueDate + ", AcctSvcrRef=" + accountServicerReference
                + ", NtryRef=" + entryReference + ", TxDtls=" + transactions.size() + "}";
    }
}
