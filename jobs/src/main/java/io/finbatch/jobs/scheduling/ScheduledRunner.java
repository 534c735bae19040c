package io.finbatch.jobs.scheduling;

import io.finbatch.jobs.close.MonthEndCloseService;
import io.finbatch.jobs.config.FinBatchProperties;
import io.finbatch.jobs.consolidation.ConsolidationService;
import io.finbatch.jobs.extract.ExtractService;
import io.finbatch.jobs.odooposting.OdooPostingService;
import io.finbatch.jobs.odooposting.PostingRunResult;
import io.finbatch.jobs.statementimport.ImportResult;
import io.finbatch.jobs.statementimport.Inbox;
import io.finbatch.jobs.statementimport.StatementImportService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs one firing of a schedule: skips it on a weekend or holiday of its business calendar, resolves the
 * parameters' placeholders, refuses it while one of the Spring Batch jobs it would launch is running (here or
 * on another node: the job repository is shared), then launches the work through the services the command
 * line uses. Every outcome is logged.
 */
@Component
public class ScheduledRunner {

    private static final Logger log = LoggerFactory.getLogger(ScheduledRunner.class);
    private static final int KEPT_OUTCOMES = 200;

    private final ScheduleFiles files;
    private final JobRepository jobRepository;
    private final StatementImportService imports;
    private final OdooPostingService postings;
    private final ConsolidationService consolidation;
    private final ExtractService extracts;
    private final NightlyRun nightly;
    private final org.springframework.beans.factory.ObjectProvider<MonthEndCloseService> closes;
    private final FinBatchProperties properties;
    private final Map<String, ReentrantLock> localLocks = new ConcurrentHashMap<>();
    private final Deque<Outcome> outcomes = new ArrayDeque<>();

    public ScheduledRunner(ScheduleFiles files, JobRepository jobRepository, StatementImportService imports,
            OdooPostingService postings, ConsolidationService consolidation, ExtractService extracts,
            NightlyRun nightly, FinBatchProperties properties,
            org.springframework.beans.factory.ObjectProvider<MonthEndCloseService> closes) {
        this.closes = closes;
        this.files = files;
        this.jobRepository = jobRepository;
        this.imports = imports;
        this.postings = postings;
        this.consolidation = consolidation;
        this.extracts = extracts;
        this.nightly = nightly;
        this.properties = properties;
    }

    /** A firing as Quartz hands it over (parameters not resolved yet). */
    public record Firing(String scheduleId, ScheduledJob job, ZoneId timeZone, String calendar,
            Map<String, String> parameters, Instant fireTime) {
    }

    public enum Status { COMPLETED, FAILED, SKIPPED, REFUSED }

    public record Outcome(String scheduleId, Instant fireTime, Status status, String message) {
    }

    public Outcome fire(Firing firing) {
        Outcome outcome;
        try {
            outcome = run(firing);
        } catch (RuntimeException e) {
            outcome = new Outcome(firing.scheduleId(), firing.fireTime(), Status.FAILED, String.valueOf(e.getMessage()));
        }
        switch (outcome.status()) {
            case COMPLETED -> log.info("schedule {} ({}): {}", firing.scheduleId(), firing.job().id(), outcome.message());
            case SKIPPED -> log.info("schedule {} ({}) skipped: {}", firing.scheduleId(), firing.job().id(),
                    outcome.message());
            case REFUSED -> log.warn("schedule {} ({}) not launched: {}", firing.scheduleId(), firing.job().id(),
                    outcome.message());
            case FAILED -> log.error("schedule {} ({}) failed: {}", firing.scheduleId(), firing.job().id(),
                    outcome.message());
        }
        synchronized (outcomes) {
            outcomes.addLast(outcome);
            while (outcomes.size() > KEPT_OUTCOMES) {
                outcomes.removeFirst();
            }
        }
        return outcome;
    }

    /** The most recent outcomes in this process, oldest first. */
    public List<Outcome> recentOutcomes() {
        synchronized (outcomes) {
            return List.copyOf(outcomes);
        }
    }

    private Outcome run(Firing firing) {
        LocalDate today = firing.fireTime().atZone(firing.timeZone()).toLocalDate();
        BusinessCalendar calendar = files.calendar(firing.calendar());
        if (firing.calendar() != null && !calendar.isBusinessDay(today)) {
            return outcome(firing, Status.SKIPPED, today + " is not a business day in calendar " + firing.calendar()
                    + ": " + calendar.whyNotBusinessDay(today));
        }
        Map<String, String> parameters = Placeholders.resolve(firing.parameters(), today, calendar);
        List<ReentrantLock> held = new ArrayList<>();
        try {
            for (String batchJob : firing.job().batchJobs()) {
                ReentrantLock lock = localLocks.computeIfAbsent(batchJob, k -> new ReentrantLock());
                if (!lock.tryLock()) {
                    return outcome(firing, Status.REFUSED, "job " + batchJob + " is already being launched or run"
                            + " by another schedule in this process");
                }
                held.add(lock);
                Set<JobExecution> running = jobRepository.findRunningJobExecutions(batchJob);
                if (!running.isEmpty()) {
                    JobExecution first = running.stream().min(Comparator.comparing(JobExecution::getId)).orElseThrow();
                    return outcome(firing, Status.REFUSED, "job " + batchJob + " is already running (execution "
                            + first.getId() + ", " + first.getStatus() + " since " + first.getStartTime()
                            + ", parameters " + first.getJobParameters() + "); if its process is gone, mark it"
                            + " FAILED with 'restart " + first.getId() + " --recover'");
                }
            }
            log.info("schedule {} fired ({} for {}): launching {} with {}", firing.scheduleId(), firing.fireTime(),
                    today, firing.job().id(), parameters);
            return launch(firing, parameters);
        } finally {
            held.forEach(ReentrantLock::unlock);
        }
    }

    private Outcome launch(Firing firing, Map<String, String> p) {
        return switch (firing.job()) {
            case STATEMENT_IMPORT -> {
                List<String> lines = new ArrayList<>();
                boolean ok = true;
                for (Path file : Inbox.files(inbox(p))) {
                    ImportResult r = imports.importFile(file);
                    ok &= r.status().equals("IMPORTED") || r.status().equals("ALREADY_IMPORTED");
                    lines.add(file.getFileName() + " " + r.status() + " (execution " + r.executionId() + ")"
                            + (r.message() == null ? "" : " " + r.message()));
                }
                yield outcome(firing, ok ? Status.COMPLETED : Status.FAILED,
                        lines.isEmpty() ? "no file in the inbox " + inbox(p) : String.join("; ", lines));
            }
            case ODOO_POSTING -> {
                String kind = p.getOrDefault("kind", "both");
                List<String> kinds = kind.equals("both") ? List.of("statements", "entries") : List.of(kind);
                List<String> lines = new ArrayList<>();
                boolean ok = true;
                for (String k : kinds) {
                    PostingRunResult r = postings.post(k);
                    ok &= r.status().equals("COMPLETED");
                    lines.add(k + " " + r.status() + " (execution " + r.executionId() + "): " + r.posted() + " posted, "
                            + r.alreadyPresent() + " already in Odoo, " + r.skipped() + " skipped"
                            + (r.message() == null ? "" : ", " + r.message()));
                    if (!ok) {
                        break;
                    }
                }
                yield outcome(firing, ok ? Status.COMPLETED : Status.FAILED, String.join("; ", lines));
            }
            case JOURNAL_CONSOLIDATION -> {
                ConsolidationService.ConsolidationRunResult r = consolidation.consolidate(YearMonth.parse(p.get("period")));
                yield outcome(firing, r.status().equals("COMPLETED") ? Status.COMPLETED : Status.FAILED,
                        "journalConsolidation " + r.period() + " " + r.status() + " (execution " + r.executionId() + ")"
                                + (r.runId() == null ? "" : " run " + r.runId())
                                + (r.message() == null ? "" : ": " + r.message()));
            }
            case EXTRACT -> {
                List<String> lines = new ArrayList<>();
                YearMonth period = YearMonth.parse(p.get("period"));
                for (String name : names(p.get("names"))) {
                    ExtractService.ExtractResult r = extracts.extract(name, period);
                    lines.add(name + " " + period + " " + r.status() + " (execution " + r.executionId() + ")"
                            + (r.message() == null ? "" : ": " + r.message()));
                    if (!r.completed()) {
                        yield outcome(firing, Status.FAILED, String.join("; ", lines));
                    }
                }
                yield outcome(firing, Status.COMPLETED, String.join("; ", lines));
            }
            case NIGHTLY -> {
                NightlyRun.Result r = nightly.run(inbox(p), YearMonth.parse(p.get("period")),
                        names(p.getOrDefault("extracts", "")));
                yield outcome(firing, r.ok() ? Status.COMPLETED : Status.FAILED, r.toString());
            }
            case MONTH_END_CLOSE -> {
                MonthEndCloseService.CloseResult r = closes.getObject().close(YearMonth.parse(p.get("period")), p.get("by"));
                yield outcome(firing, r.completed() ? Status.COMPLETED : Status.FAILED, "monthEndClose " + r.period()
                        + " " + r.status() + " (execution " + r.executionId() + ")"
                        + (r.blockers().isEmpty() ? "" : ": " + r.blockers().size() + " blocker(s), first: "
                                + r.blockers().get(0))
                        + (r.message() == null ? "" : " " + r.message()));
            }
        };
    }

    private Path inbox(Map<String, String> p) {
        return p.containsKey("inbox") ? Path.of(p.get("inbox")) : properties.inbox();
    }

    private static List<String> names(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Outcome outcome(Firing firing, Status status, String message) {
        return new Outcome(firing.scheduleId(), firing.fireTime(), status, message);
    }
}
