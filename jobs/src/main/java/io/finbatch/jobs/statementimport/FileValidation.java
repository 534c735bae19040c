package io.finbatch.jobs.statementimport;

import io.finbatch.mappings.statement.StatementEvent;
import io.finbatch.mappings.statement.StatementValidator;
import io.finbatch.mappings.statement.ValidationProblem;
import io.finbatch.readers.MalformedEntryException;
import io.finbatch.readers.StatementFormatException;
import io.finbatch.readers.StatementFormats;
import io.finbatch.readers.StatementStream;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a whole statement file once, before anything of it is staged, and lists every reason to refuse
 * it: unreadable syntax, statements that do not balance, invalid accounts or currencies, more malformed
 * entries than the skip limit allows. Memory stays constant; at most {@link #MAX_PROBLEMS} problems are kept.
 * Lines are read without their unique import ids: no check uses them, and the staging step computes them.
 */
final class FileValidation {

    static final int MAX_PROBLEMS = 100;

    record Result(String format, int statements, long lines, long malformedEntries, List<ValidationProblem> problems,
            long problemCount) {

        boolean accepted() {
            return problemCount == 0;
        }

        String summary() {
            if (accepted()) {
                return "accepted";
            }
            String first = problems.get(0).toString();
            return problemCount == 1 ? first : first + " (and " + (problemCount - 1) + " more problem"
                    + (problemCount == 2 ? "" : "s") + ")";
        }
    }

    private final StatementFormats formats;
    private final StatementValidator validator = new StatementValidator();
    private final int skipLimit;

    FileValidation(StatementFormats formats, int skipLimit) {
        this.formats = formats;
        this.skipLimit = skipLimit;
    }

    Result validate(Path file) {
        List<ValidationProblem> problems = new ArrayList<>();
        long[] problemCount = {0};
        String format = null;
        int statements = 0;
        long lines = 0;
        long malformed = 0;
        try (StatementStream stream = formats.openWithoutImportIds(file)) { // ids are the staging step's
            format = stream.format();
            while (true) {
                StatementEvent event;
                try {
                    event = stream.next();
                } catch (MalformedEntryException entry) {
                    malformed++;
                    continue;
                }
                if (event == null) {
                    break;
                }
                if (event instanceof StatementEvent.Started started) {
                    statements++;
                    add(problems, problemCount, validator.checkHeader(started.header()));
                } else if (event instanceof StatementEvent.Line line) {
                    if (line.line().booked()) {
                        lines++;
                        add(problems, problemCount, validator.checkLine(line.header(), line.line()));
                    }
                } else if (event instanceof StatementEvent.Ended ended) {
                    add(problems, problemCount, validator.checkEnd(ended.header(), ended.trailer(),
                            stream.balanceCheck()));
                }
            }
        } catch (StatementFormatException unreadable) {
            add(problems, problemCount, List.of(new ValidationProblem(unreadable.location(), unreadable.reason())));
        }
        if (malformed > skipLimit) {
            add(problems, problemCount, List.of(new ValidationProblem(null, malformed
                    + " malformed entries, more than the skip limit of " + skipLimit)));
        }
        if (statements == 0 && problemCount[0] == 0) {
            add(problems, problemCount, List.of(new ValidationProblem(null, "the file holds no statement")));
        }
        return new Result(format, statements, lines, malformed, List.copyOf(problems), problemCount[0]);
    }

    private static void add(List<ValidationProblem> problems, long[] count, List<ValidationProblem> found) {
        for (ValidationProblem problem : found) {
            count[0]++;
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(problem);
            }
        }
    }
}
