package io.finbatch.readers.camt;

/**
 * A camt message version as named by its XML namespace, e.g.
 * {@code urn:iso:std:iso:20022:tech:xsd:camt.053.001.08} is {@code camt.053.001.08}.
 */
record CamtVersion(String messageNumber, int version) {

    static final String NAMESPACE_PREFIX = "urn:iso:std:iso:20022:tech:xsd:";
    static final int OLDEST = 1;
    static final int NEWEST = 13;

    /** The version named by {@code namespace}, or null when it is not a camt.052/053/054 namespace this reader knows. */
    static CamtVersion fromNamespace(String namespace) {
        if (namespace == null || !namespace.startsWith(NAMESPACE_PREFIX)) {
            return null;
        }
        String name = namespace.substring(NAMESPACE_PREFIX.length());
        // camt.053.001.08
        if (name.length() != 15 || !name.startsWith("camt.05") || !name.startsWith(".001.", 8)) {
            return null;
        }
        String number = name.substring(5, 8);
        if (!number.equals("052") && !number.equals("053") && !number.equals("054")) {
            return null;
        }
        char tens = name.charAt(13);
        char units = name.charAt(14);
        if (!Character.isDigit(tens) || !Character.isDigit(units)) {
            return null;
        }
        int version = (tens - '0') * 10 + (units - '0');
        if (version < OLDEST || version > NEWEST) {
            return null;
        }
        return new CamtVersion(number, version);
    }

    /** The format name of the contract: {@code camt.053.001.08}. */
    String format() {
        return "camt." + messageNumber + ".001." + (version < 10 ? "0" : "") + version;
    }
}
