package io.finbatch.readers.fuzz;

import io.finbatch.mappings.statement.Balance;
import io.finbatch.mappings.statement.BalanceCheck;
import io.finbatch.mappings.statement.StatementEvent;
import io.finbatch.readers.MalformedEntryException;
import io.finbatch.readers.SourceFileException;
import io.finbatch.readers.StatementFormats;
import io.finbatch.readers.StatementStream;
import io.finbatch.readers.json.StatementJsonWriter;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;

/**
 * The contract every input must keep: the file is read to its end (malformed entries are skipped as the
 * import does, each reported with file and location; events come in order; each statement's balance
 * check is what its balances and booked lines say), or it is rejected with a {@link SourceFileException}
 * naming the file and a location. Any other exception or error is a violation.
 */
final class ReaderOracle {

    /** Longer than any real reason; a message carrying a huge field or path would flood the logs. */
    static final int MAX_MESSAGE_CHARS = 2_000;

    /** More skipped entries than this on one file means the parser is not moving on. */
    private static final int MAX_MALFORMED_ENTRIES = 100_000;

    private ReaderOracle() {
    }

    static Outcome check(Path file, boolean alsoWriteJson) {
        try {
            Outcome events = readEvents(file);
            if (events.kind() == Outcome.Kind.PARSED && alsoWriteJson) {
                Outcome json = writeJson(file);
                if (json.kind() != Outcome.Kind.PARSED && json.kind() != Outcome.Kind.REJECTED) {
                    return json;
                }
            }
            return events;
        } catch (SourceFileException rejected) {
            return rejection(file, rejected);
        } catch (Throwable escaped) {
            return Outcome.violation("escaped " + escaped.getClass().getName() + ": " + abbreviate(escaped.getMessage())
                    + at(escaped));
        }
    }

    private static Outcome readEvents(Path file) {
        long statements = 0;
        long lines = 0;
        long malformed = 0;
        boolean open = false;
        BigDecimal booked = BigDecimal.ZERO;
        try (StatementStream stream = StatementFormats.all().open(file)) {
            for (;;) {
                StatementEvent event;
                try {
                    event = stream.next();
                } catch (MalformedEntryException skipped) {
                    Outcome bad = messageProblem(file, skipped);
                    if (bad != null) {
                        return bad;
                    }
                    if (++malformed > MAX_MALFORMED_ENTRIES) {
                        return Outcome.violation("more than " + MAX_MALFORMED_ENTRIES + " malformed entries: the parser does not move on");
                    }
                    continue;
                }
                if (event == null) {
                    break;
                }
                if (event instanceof StatementEvent.Started) {
                    if (open) {
                        return Outcome.violation("Started while statement " + statements + " is still open");
                    }
                    open = true;
                    statements++;
                    booked = BigDecimal.ZERO;
                } else if (event instanceof StatementEvent.Line line) {
                    if (!open) {
                        return Outcome.violation("Line outside a statement");
                    }
                    lines++;
                    if (line.line().booked() && line.line().amount() != null) {
                        booked = booked.add(line.line().amount());
                    }
                } else if (event instanceof StatementEvent.Ended ended) {
                    if (!open) {
                        return Outcome.violation("Ended without Started");
                    }
                    open = false;
                    Outcome balance = balanceProblem(ended, booked, stream.balanceCheck());
                    if (balance != null) {
                        return balance;
                    }
                }
            }
        }
        if (open) {
            return Outcome.violation("the file ended inside statement " + statements + " without an Ended event");
        }
        return Outcome.parsed(statements + " statement(s), " + lines + " line(s), " + malformed + " malformed entr(y/ies)");
    }

    /** The stream's balance check must be exactly opening + booked lines vs closing, or absent with a balance. */
    private static Outcome balanceProblem(StatementEvent.Ended ended, BigDecimal booked, BalanceCheck check) {
        Balance opening = ended.trailer().openingBalance();
        Balance closing = ended.trailer().closingBalance();
        boolean complete = opening != null && closing != null && opening.amount() != null && closing.amount() != null;
        if (!complete) {
            return check == null ? null : Outcome.violation("a balance check without both balances");
        }
        if (check == null) {
            return Outcome.violation("both balances present but no balance check");
        }
        BigDecimal difference = closing.amount().subtract(opening.amount().add(booked));
        if (difference.compareTo(check.difference()) != 0 || check.ok() != (difference.signum() == 0)) {
            return Outcome.violation("balance check " + check + " but opening + booked lines - closing differ by " + difference);
        }
        return null;
    }

    /** What {@code parse} does; a malformed entry rejects the file there, which is fine. */
    private static Outcome writeJson(Path file) {
        try (StatementStream stream = StatementFormats.all().open(file)) {
            StatementJsonWriter.write(stream, OutputStream.nullOutputStream());
            return Outcome.parsed("JSON written");
        } catch (SourceFileException rejected) {
            return rejection(file, rejected);
        }
    }

    private static Outcome rejection(Path file, SourceFileException rejected) {
        Outcome bad = messageProblem(file, rejected);
        return bad != null ? bad : Outcome.rejected(rejected.getClass().getSimpleName() + ": " + abbreviate(rejected.getMessage()));
    }

    /** A rejection must name the file and a location, and stay short enough for a log line. */
    static Outcome messageProblem(Path file, SourceFileException e) {
        String message = String.valueOf(e.getMessage());
        String name = file.getFileName().toString();
        if (!message.contains(name)) {
            return Outcome.violation("message does not name the file " + name + ": " + abbreviate(message));
        }
        if (e.location() == null || e.location().isBlank() || !message.contains(e.location())) {
            return Outcome.violation("message has no location: " + abbreviate(message));
        }
        if (message.length() > MAX_MESSAGE_CHARS) {
            return Outcome.violation("message of " + message.length() + " characters: " + abbreviate(message));
        }
        return null;
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() <= 300 ? text : text.substring(0, 300) + "... (" + text.length() + " chars)";
    }

    private static String at(Throwable error) {
        StackTraceElement[] trace = error.getStackTrace();
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < Math.min(4, trace.length); i++) {
            where.append("\n        at ").append(trace[i]);
        }
        return where.toString();
    }
}
