package io.finbatch.jobs.execution;

import java.util.NoSuchElementException;

/** No job execution has this id. */
public class UnknownExecutionException extends NoSuchElementException {

    public UnknownExecutionException(long id) {
        super("no job execution " + id);
    }
}
