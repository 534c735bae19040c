package io.finbatch.jobs.scheduling;

import io.finbatch.jobs.consolidation.ConsolidationService;
import io.finbatch.jobs.extract.ExtractService;
import io.finbatch.jobs.odooposting.OdooPostingService;
import io.finbatch.jobs.odooposting.PostingRunResult;
import io.finbatch.jobs.statementimport.ImportResult;
import io.finbatch.jobs.statementimport.Inbox;
import io.finbatch.jobs.statementimport.StatementImportService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The nightly flow: import the inbox → post the statement lines to Odoo → consolidate the open period → the
 * management extracts. Stops at the first step that fails and says which.
 */
@Component
public class NightlyRun {

    public static final List<String> STEPS = List.of("import", "post", "consolidate", "extracts");

    private static final Logger log = LoggerFactory.getLogger(NightlyRun.class);

    private final StatementImportService imports;
    private final OdooPostingService postings;
    private final ConsolidationService consolidation;
    private final ExtractService extracts;

    public NightlyRun(StatementImportService imports, OdooPostingService postings, ConsolidationService consolidation,
            ExtractService extracts) {
        this.imports = imports;
        this.postings = postings;
        this.consolidation = consolidation;
        this.extracts = extracts;
    }

    /** @param ok false: the flow stopped at this step */
    public record StepResult(String step, boolean ok, String summary) {
    }

    /** @param failedStep the step the flow stopped at, null when all ran */
    public record Result(List<StepResult> steps, String failedStep, String message) {

        public boolean ok() {
            return failedStep == null;
        }

        @Override
        public String toString() {
            return ok() ? "nightly run completed: " + steps
                    : "nightly run stopped at step '" + failedStep + "': " + message + " (steps: " + steps + ")";
        }
    }

    public Result run(Path inbox, YearMonth period, List<String> extractNames) {
        List<StepResult> steps = new ArrayList<>();
        List<Supplier<StepResult>> flow = List.of(
                () -> importInbox(inbox),
                this::postStatements,
                () -> consolidate(period),
                () -> runExtracts(extractNames, period));
        for (int i = 0; i < flow.size(); i++) {
            String step = STEPS.get(i);
            StepResult result;
            try {
                result = flow.get(i).get();
            } catch (RuntimeException e) {
                result = new StepResult(step, false, e.getMessage());
            }
            steps.add(result);
            if (!result.ok()) {
                log.error("nightly run: step '{}' failed: {}; the later steps did not run", step, result.summary());
                return new Result(steps, step, result.summary());
            }
            log.info("nightly run: step '{}' done: {}", step, result.summary());
        }
        return new Result(steps, null, null);
    }

    private StepResult importInbox(Path inbox) {
        List<String> bad = new ArrayList<>();
        int imported = 0;
        int already = 0;
        for (Path file : Inbox.files(inbox)) {
            ImportResult r;
            try {
                r = imports.importFile(file);
            } catch (RuntimeException e) {
                bad.add(file.getFileName() + " ERROR " + e.getMessage());
                continue;
            }
            switch (r.status()) {
                case "IMPORTED" -> imported++;
                case "ALREADY_IMPORTED" -> already++;
                default -> bad.add(file.getFileName() + " " + r.status() + (r.message() == null ? "" : " " + r.message())
                        + " (execution " + r.executionId() + ")");
            }
        }
        String summary = imported + " imported, " + already + " already imported";
        return bad.isEmpty() ? new StepResult("import", true, summary)
                : new StepResult("import", false, summary + ", not imported: " + String.join("; ", bad));
    }

    private StepResult postStatements() {
        PostingRunResult r = postings.post("statements");
        String summary = r.toString();
        return new StepResult("post", "COMPLETED".equals(r.status()), summary);
    }

    private StepResult consolidate(YearMonth period) {
        ConsolidationService.ConsolidationRunResult r = consolidation.consolidate(period);
        boolean ok = "COMPLETED".equals(r.status());
        return new StepResult("consolidate", ok, period + " " + r.status() + " (execution " + r.executionId() + ")"
                + (r.runId() == null ? "" : ", run " + r.runId() + ", " + r.sourceLines() + " source lines")
                + (r.message() == null ? "" : ": " + r.message()));
    }

    private StepResult runExtracts(List<String> names, YearMonth period) {
        List<String> done = new ArrayList<>();
        for (String name : names) {
            ExtractService.ExtractResult r = extracts.extract(name, period);
            if (!r.completed()) {
                return new StepResult("extracts", false, name + " " + r.status() + " (execution " + r.executionId()
                        + "): " + r.message() + (done.isEmpty() ? "" : "; done before: " + done));
            }
            done.add(name + " v" + r.version() + " " + r.rows() + " rows");
        }
        return new StepResult("extracts", true, String.join(", ", done));
    }
}
