package io.finbatch.readers.camt;

/** The three bank-to-customer cash management messages and the element that holds each statement. */
enum CamtMessageKind {
    REPORT("052", "BkToCstmrAcctRpt", "Rpt"),
    STATEMENT("053", "BkToCstmrStmt", "Stmt"),
    NOTIFICATION("054", "BkToCstmrDbtCdtNtfctn", "Ntfctn");

    private final String number;
    private final String messageElement;
    private final String statementElement;

    CamtMessageKind(String number, String messageElement, String statementElement) {
        this.number = number;
        this.messageElement = messageElement;
        this.statementElement = statementElement;
    }

    /** {@code 052}, {@code 053} or {@code 054}. */
    String number() {
        return number;
    }

    String messageElement() {
        return messageElement;
    }

    String statementElement() {
        return statementElement;
    }

    /**
     * The kind whose message element has this local name, or null. Version 01 schemas name the element
     * with a version suffix ({@code BkToCstmrAcctRptV01}); later ones do not.
     */
    static CamtMessageKind ofMessageElement(String localName) {
        for (CamtMessageKind kind : values()) {
            if (localName.startsWith(kind.messageElement) && isVersionSuffix(localName, kind.messageElement.length())) {
                return kind;
            }
        }
        return null;
    }

    private static boolean isVersionSuffix(String name, int from) {
        if (name.length() == from) {
            return true;
        }
        if (name.charAt(from) != 'V' || name.length() == from + 1) {
            return false;
        }
        for (int i = from + 1; i < name.length(); i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
