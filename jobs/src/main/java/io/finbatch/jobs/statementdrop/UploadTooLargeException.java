package io.finbatch.jobs.statementdrop;

/** An upload over {@code finbatch.drop.max-size}: answered 413. */
public class UploadTooLargeException extends RuntimeException {

    public UploadTooLargeException(long maxBytes) {
        super("the file is larger than the limit of " + maxBytes + " bytes (finbatch.drop.max-size)");
    }
}
