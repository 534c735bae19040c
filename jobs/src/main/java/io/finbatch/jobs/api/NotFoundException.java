package io.finbatch.jobs.api;

/** A resource the request names does not exist: 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
