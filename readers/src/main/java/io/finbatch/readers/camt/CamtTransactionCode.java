package io.finbatch.readers.camt;

import io.finbatch.mappings.statement.TransactionCode;

/** {@code BkTxCd}: ISO domain / family / sub-family and the proprietary code. */
final class CamtTransactionCode {

    String domain;
    String family;
    String subFamily;
    String proprietary;

    boolean isEmpty() {
        return domain == null && family == null && subFamily == null && proprietary == null;
    }

    TransactionCode toModel() {
        return isEmpty() ? null : new TransactionCode(domain, family, subFamily, proprietary, null);
    }
}
