package io.finbatch.readers.fuzz;

/** What reading one fuzz case gave: read to the end, rejected as documented, or a broken contract. */
record Outcome(Kind kind, String detail) {

    enum Kind { PARSED, REJECTED, VIOLATION }

    static Outcome parsed(String detail) {
        return new Outcome(Kind.PARSED, detail);
    }

    static Outcome rejected(String detail) {
        return new Outcome(Kind.REJECTED, detail);
    }

    static Outcome violation(String detail) {
        return new Outcome(Kind.VIOLATION, detail);
    }
}
