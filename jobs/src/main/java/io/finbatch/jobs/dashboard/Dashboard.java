package io.finbatch.jobs.dashboard;

import io.finbatch.jobs.close.CloseBlocker;
import io.finbatch.jobs.close.CloseChecks;
import io.finbatch.jobs.execution.ExecutionBrowser;
import io.finbatch.jobs.execution.ExecutionViews.ExecutionSummary;
import io.finbatch.jobs.execution.ExecutionViews.Filter;
import io.finbatch.jobs.observability.BusinessFigures;
import io.finbatch.jobs.scheduling.ScheduleAdmin;
import io.finbatch.jobs.scheduling.ScheduleAdmin.ScheduleView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** What the pipeline is doing, on one page: runs, failures, exceptions, next firings, business indicators. */
@Component
public class Dashboard {

    private static final Logger log = LoggerFactory.getLogger(Dashboard.class);

    /**
     * @param missingStatements accounts and business days of this month (up to yesterday) without an
     *                          end-of-day statement (account numbers masked)
     */
    public record View(List<ExecutionSummary> lastRuns, List<ExecutionSummary> recentFailures,
            long openImportExceptions, long refusedPostings, List<ScheduleView> nextFirings,
            BusinessFigures.Snapshot figures, List<CloseBlocker> missingStatements) {
    }

    private final ExecutionBrowser executions;
    private final ScheduleAdmin schedules;
    private final BusinessFigures figures;
    private final CloseChecks closeChecks;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public Dashboard(ExecutionBrowser executions, ScheduleAdmin schedules, BusinessFigures figures,
            CloseChecks closeChecks, JdbcTemplate jdbc, Clock clock) {
        this.executions = executions;
        this.schedules = schedules;
        this.figures = figures;
        this.closeChecks = closeChecks;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public View view() {
        LocalDate today = LocalDate.now(clock);
        List<ExecutionSummary> failures = executions.list(new Filter(null, "FAILED", today.minusDays(7), null, 10));
        long imports = count("SELECT COUNT(*) FROM import_exception WHERE status = 'OPEN'");
        long postings = count("SELECT COUNT(*) FROM odoo_outbox WHERE state = 'SKIPPED'");
        List<ScheduleView> next = nextFirings();
        LocalDate yesterday = today.minusDays(1);
        List<CloseBlocker> missing = closeChecks.statements(YearMonth.from(yesterday), yesterday);
        return new View(executions.lastPerJob(), failures, imports, postings, next, figures.current(), missing);
    }

    private List<ScheduleView> nextFirings() {
        try {
            return schedules.schedules().stream().filter(s -> s.nextFireTime() != null).limit(5).toList();
        } catch (RuntimeException e) {
            // an invalid schedule file must not take the dashboard down; the schedules page names the problem
            log.warn("cannot read the schedules for the dashboard: {}", e.getMessage());
            return List.of();
        }
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
