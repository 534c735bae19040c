package io.finbatch.readers.camt;

import java.util.ArrayList;
import java.util.List;

/** One {@code TxDtls} of an entry, as read. */
final class CamtTransaction {

    /** Where it is inside its entry, e.g. {@code /NtryDtls/TxDtls[2]}. */
    String relativePath;

    String accountServicerReference;
    String messageId;
    String paymentInformationId;
    String instructionId;
    String endToEndId;
    String transactionId;

    CamtAmount amount;
    String direction;
    final CamtAmountDetails amountDetails = new CamtAmountDetails();
    final CamtTransactionCode code = new CamtTransactionCode();

    final CamtParty debtor = new CamtParty();
    final CamtParty creditor = new CamtParty();

    final List<String> unstructured = new ArrayList<>(2);
    String creditorReference;
    String additionalInformation;
}
