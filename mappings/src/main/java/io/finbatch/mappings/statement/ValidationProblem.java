package io.finbatch.mappings.statement;

/** One reason a statement cannot be booked, with where in the file it was found. */
public record ValidationProblem(String location, String reason) {

    @Override
    public String toString() {
        return location == null ? reason : location + ": " + reason;
    }
}
