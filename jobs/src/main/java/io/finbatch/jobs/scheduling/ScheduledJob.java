package io.finbatch.jobs.scheduling;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What a schedule may run, the parameters each accepts, and the Spring Batch jobs it launches. */
public enum ScheduledJob {

    STATEMENT_IMPORT("statementImport", Set.of("inbox"), Set.of(), List.of("statementImport")),
    ODOO_POSTING("odooPosting", Set.of("kind"), Set.of(), List.of("odooPosting")),
    JOURNAL_CONSOLIDATION("journalConsolidation", Set.of("period"), Set.of("period"), List.of("journalConsolidation")),
    EXTRACT("extract", Set.of("names", "period"), Set.of("names", "period"), List.of("extract")),
    NIGHTLY("nightly", Set.of("inbox", "period", "extracts"), Set.of("period"),
            List.of("statementImport", "odooPosting", "journalConsolidation", "extract")),
    MONTH_END_CLOSE("monthEndClose", Set.of("period", "by"), Set.of("period", "by"),
            List.of("monthEndClose", "journalConsolidation", "extract", "odooPosting"));

    private final String id;
    private final Set<String> parameters;
    private final Set<String> requiredParameters;
    private final List<String> batchJobs;

    ScheduledJob(String id, Set<String> parameters, Set<String> requiredParameters, List<String> batchJobs) {
        this.id = id;
        this.parameters = parameters;
        this.requiredParameters = requiredParameters;
        this.batchJobs = batchJobs;
    }

    public String id() {
        return id;
    }

    public Set<String> parameters() {
        return parameters;
    }

    public Set<String> requiredParameters() {
        return requiredParameters;
    }

    /** The Spring Batch jobs a firing launches: none of them may be running already. */
    public List<String> batchJobs() {
        return batchJobs;
    }

    public static Optional<ScheduledJob> of(String id) {
        return Arrays.stream(values()).filter(j -> j.id.equals(id)).findFirst();
    }

    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(ScheduledJob::id).toList());
    }
}
