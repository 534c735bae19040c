package io.finbatch.jobs.events;

import java.util.List;

/** The event types a webhook subscription may ask for. */
public final class EventTypes {

    public static final String STATEMENT_IMPORTED = "statement.imported";
    public static final String STATEMENT_REJECTED = "statement.rejected";
    public static final String JOB_FAILED = "job.failed";
    public static final String JOB_COMPLETED = "job.completed";
    public static final String POSTING_REJECTED = "posting.rejected";
    public static final String PERIOD_CUTOFF = "period.cutoff";
    public static final String PERIOD_LOCKED = "period.locked";
    public static final String EXTRACT_PUBLISHED = "extract.published";

    public static final List<String> ALL = List.of(STATEMENT_IMPORTED, STATEMENT_REJECTED, JOB_FAILED, JOB_COMPLETED,
            POSTING_REJECTED, PERIOD_CUTOFF, PERIOD_LOCKED, EXTRACT_PUBLISHED);

    private EventTypes() {
    }
}
