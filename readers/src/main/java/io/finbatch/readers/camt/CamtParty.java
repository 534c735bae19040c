package io.finbatch.readers.camt;

/** One side of a transaction as the file gives it: {@code Dbtr} + {@code DbtrAcct} + {@code DbtrAgt}, or the creditor's. */
final class CamtParty {

    String name;
    String iban;
    String other;
    String bic;

    boolean isEmpty() {
        return name == null && iban == null && other == null && bic == null;
    }
}
