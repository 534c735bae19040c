package io.finbatch.jobs.consolidation;

import io.finbatch.jobs.config.GroupProperties;
import io.finbatch.mappings.consolidation.ConsolidationResult;
import io.finbatch.mappings.consolidation.Consolidator;
import io.finbatch.mappings.consolidation.SourceLine;
import io.finbatch.readers.group.GroupSetup;
import io.finbatch.readers.group.GroupSetupFiles;
import io.finbatch.writers.consolidation.ConsolidationStore;
import io.finbatch.writers.periods.FiscalPeriod;
import io.finbatch.writers.periods.FiscalPeriodRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Consolidates a period as of the GROUP period's cut-off (or now, recorded as the run's as-of, when no
 * cut-off is set): every journal line dated on or before the period's last day and recorded on or before
 * the as-of instant, streamed from the database through the engine. The run, its trial balance and its
 * lineage are written in this step's transaction: all of it or nothing.
 */
class ConsolidatePeriodTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ConsolidatePeriodTasklet.class);
    static final String RUN_ID = "consolidationRunId";

    private final JdbcTemplate jdbc;
    private final GroupProperties group;
    private final FiscalPeriodRepository periods;
    private final ConsolidationStore store;
    private final Clock clock;

    ConsolidatePeriodTasklet(JdbcTemplate jdbc, GroupProperties group, FiscalPeriodRepository periods,
            ConsolidationStore store, Clock clock) {
        this.jdbc = jdbc;
        this.group = group;
        this.periods = periods;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Each entity's books come from the sources its entities file names, so that one booking seen by two
     * sources (a bank line posted to Odoo, then read back as an Odoo journal item) counts once. Lines of an
     * entity the group does not know are kept, so that the engine names them.
     */
    private static String sourcesFilter(GroupSetup setup, List<Object> args) {
        StringBuilder filter = new StringBuilder();
        List<String> known = new ArrayList<>();
        setup.journalSources().forEach((entity, sources) -> {
            filter.append("(entity = ? AND source IN (")
                    .append(String.join(",", Collections.nCopies(sources.size(), "?"))).append(")) OR ");
            args.add(entity);
            args.addAll(sources);
            known.add(entity);
        });
        filter.append("entity NOT IN (").append(String.join(",", Collections.nCopies(known.size(), "?"))).append(")");
        args.addAll(known);
        return filter.toString();
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        YearMonth period = YearMonth.parse(contribution.getStepExecution().getJobParameters().getString("period"));
        FiscalPeriod groupPeriod = periods.ensure("GROUP", period);
        if (groupPeriod.isLocked()) {
            throw new IllegalStateException("period locked: the group period " + period + " is LOCKED; its figures"
                    + " are final (see its last consolidation run)");
        }
        Instant asOf = groupPeriod.cutoffAt() != null ? groupPeriod.cutoffAt() : Instant.now(clock);
        GroupSetup setup = GroupSetupFiles.load(group.dir());
        new GroupSetupSync(jdbc).sync(setup);
        long runId = store.startRun(period, asOf, setup.currency(), contribution.getStepExecution().getJobExecutionId());
        ConsolidationStore.LineageWriter lineage = store.lineage(runId);
        ConsolidationResult result;
        List<Object> args = new ArrayList<>(List.of(java.sql.Date.valueOf(period.atEndOfMonth()), Timestamp.from(asOf)));
        try (Stream<SourceLine> lines = jdbc.queryForStream("SELECT id, entity, account, debit, credit, currency,"
                + " counterparty_entity, entry_date FROM journal_line WHERE entry_date <= ? AND recorded_at <= ?"
                + " AND (" + sourcesFilter(setup, args) + ") ORDER BY id",
                (rs, n) -> new SourceLine(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getString(6), rs.getString(7),
                        rs.getDate(8).toLocalDate()), args.toArray())) {
            Iterator<SourceLine> iterator = lines.iterator();
            result = new Consolidator(setup.consolidationGroup(), setup.rateTable())
                    .consolidate(period, () -> iterator, lineage);
        }
        lineage.flush();
        store.finish(runId, result);
        contribution.getStepExecution().getJobExecution().getExecutionContext().putLong(RUN_ID, runId);
        contribution.incrementReadCount();
        log.info("consolidated {} as of {}: run {}, {} source lines, debit {} = credit {}", period, asOf, runId,
                result.sourceLines(), result.totalDebit(), result.totalCredit());
        return RepeatStatus.FINISHED;
    }
}
