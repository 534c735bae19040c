package io.finbatch.writers.staging;

/** What the register of received files says about a file about to be imported. */
public record FileRegistration(Outcome outcome, long fileId, Long ownerExecutionId) {

    public enum Outcome {
        /** First time this content is seen, or a retry of a rejected or abandoned attempt: import it. */
        REGISTERED,
        /** This content is already staged: import nothing. */
        ALREADY_IMPORTED,
        /** Another job execution is importing this content right now. */
        IN_PROGRESS
    }
}
