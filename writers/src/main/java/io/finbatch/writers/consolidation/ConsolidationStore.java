package io.finbatch.writers.consolidation;

import io.finbatch.mappings.consolidation.Contribution;
import io.finbatch.mappings.consolidation.ConsolidationResult;
import io.finbatch.mappings.consolidation.LineageSink;
import io.finbatch.mappings.consolidation.TrialBalanceLine;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a consolidation run: the run ({@code consolidation_run}), its trial balance
 * ({@code consolidated_balance}) and its lineage ({@code consolidation_lineage}), which the engine streams
 * while it reads the source lines. Everything of a run goes in one transaction, the caller's.
 */
public class ConsolidationStore {

    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ConsolidationStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Opens a run; its totals are filled by {@link #finish}. */
    public long startRun(YearMonth period, Instant asOf, String groupCurrency, Long jobExecutionId) {
        jdbc.update("INSERT INTO consolidation_run (period, as_of, group_currency, job_execution_id, source_lines,"
                + " total_debit, total_credit, created_at) VALUES (?, ?, ?, ?, 0, 0, 0, ?)", period.toString(),
                Timestamp.from(asOf), groupCurrency, jobExecutionId, Timestamp.from(Instant.now(clock)));
        return jdbc.queryForObject("SELECT MAX(id) FROM consolidation_run WHERE period = ?", Long.class,
                period.toString());
    }

    /** A lineage sink writing the run's contributions in batches; {@link LineageWriter#flush()} at the end. */
    public LineageWriter lineage(long runId) {
        return new LineageWriter(runId);
    }

    /**
     * Writes the trial balance as a controller reads it: per group account its net balance, in the debit
     * column when positive, else in the credit column; the run's totals are the sums of those columns.
     */
    public void finish(long runId, ConsolidationResult result) {
        List<Object[]> rows = new ArrayList<>();
        BigDecimal totalDebit = BigDecimal.ZERO;
        BigDecimal totalCredit = BigDecimal.ZERO;
        for (TrialBalanceLine line : result.trialBalance()) {
            BigDecimal debit = line.balance().signum() > 0 ? line.balance() : BigDecimal.ZERO;
            BigDecimal credit = line.balance().signum() < 0 ? line.balance().negate() : BigDecimal.ZERO;
            totalDebit = totalDebit.add(debit);
            totalCredit = totalCredit.add(credit);
            rows.add(new Object[] {runId, result.period().toString(), line.account(), debit, credit});
        }
        jdbc.batchUpdate("INSERT INTO consolidated_balance (run_id, period, group_account, debit, credit)"
                + " VALUES (?, ?, ?, ?, ?)", rows);
        jdbc.update("UPDATE consolidation_run SET source_lines = ?, total_debit = ?, total_credit = ? WHERE id = ?",
                result.sourceLines(), totalDebit, totalCredit, runId);
    }

    /** Streams contributions into {@code consolidation_lineage}. */
    public final class LineageWriter implements LineageSink {

        private final long runId;
        private final List<Object[]> pending = new ArrayList<>(BATCH);

        private LineageWriter(long runId) {
            this.runId = runId;
        }

        @Override
        public void accept(Contribution contribution) {
            pending.add(new Object[] {runId, contribution.groupAccount(), contribution.entity(),
                contribution.kind().name(), contribution.sourceLineId(), contribution.reference(),
                contribution.amount()});
            if (pending.size() >= BATCH) {
                flush();
            }
        }

        public void flush() {
            if (!pending.isEmpty()) {
                jdbc.batchUpdate("INSERT INTO consolidation_lineage (run_id, group_account, entity, kind,"
                        + " journal_line_id, reference, amount) VALUES (?, ?, ?, ?, ?, ?, ?)", pending);
                pending.clear();
            }
        }
    }
}
