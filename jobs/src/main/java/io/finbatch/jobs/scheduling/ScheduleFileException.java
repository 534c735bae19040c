package io.finbatch.jobs.scheduling;

import java.nio.file.Path;

/** A schedule file that cannot be used: which file, which field, why. Stops start-up. */
public class ScheduleFileException extends RuntimeException {

    private final Path file;
    private final String field;
    private final String reason;

    public ScheduleFileException(Path file, String field, String reason) {
        super(file + ": " + (field == null ? "" : "field '" + field + "': ") + reason);
        this.file = file;
        this.field = field;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    /** the field at fault, null when the file as a whole is (unreadable, not YAML) */
    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
