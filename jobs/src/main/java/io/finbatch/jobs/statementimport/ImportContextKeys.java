package io.finbatch.jobs.statementimport;

/** Keys of the statement import's job parameters and job execution context. */
final class ImportContextKeys {

    static final String FILE = "file";
    static final String SHA256 = "sha256";
    static final String REQUESTED_AT = "requestedAt";
    static final String LAUNCH = "launch";

    static final String FILE_ID = "statementFileId";
    static final String FORMAT = "format";

    static final String ALREADY_IMPORTED = "ALREADY_IMPORTED";
    static final String REJECTED = "REJECTED";

    private ImportContextKeys() {
    }
}
