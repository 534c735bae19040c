package io.finbatch.writers.periods;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Periods and their life cycle: OPEN → SOFT_CLOSED → LOCKED, with who and when. The database refuses any
 * write into a LOCKED period (trigger), so this class only has to refuse the transitions that make no sense.
 */
public class FiscalPeriodRepository {

    private static final RowMapper<FiscalPeriod> ROW = (rs, n) -> new FiscalPeriod(rs.getString("entity"),
            rs.getString("period"), rs.getDate("start_date").toLocalDate(), rs.getDate("end_date").toLocalDate(),
            instant(rs.getTimestamp("cutoff_at")), rs.getString("status"), rs.getString("status_changed_by"),
            instant(rs.getTimestamp("status_changed_at")));

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public FiscalPeriodRepository(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The period, created OPEN (calendar month) when it does not exist yet. */
    public FiscalPeriod ensure(String entity, YearMonth month) {
        Optional<FiscalPeriod> existing = find(entity, month);
        if (existing.isPresent()) {
            return existing.get();
        }
        jdbc.update("INSERT INTO fiscal_period (entity, period, start_date, end_date, status) VALUES (?, ?, ?, ?, 'OPEN')",
                entity, month.toString(), Date.valueOf(month.atDay(1)), Date.valueOf(month.atEndOfMonth()));
        return find(entity, month).orElseThrow();
    }

    public Optional<FiscalPeriod> find(String entity, YearMonth month) {
        return jdbc.query("SELECT * FROM fiscal_period WHERE entity = ? AND period = ?", ROW, entity, month.toString())
                .stream().findFirst();
    }

    public List<FiscalPeriod> all() {
        return jdbc.query("SELECT * FROM fiscal_period ORDER BY period DESC, entity", ROW);
    }

    /** The LOCKED period of the entity that contains {@code date}, if any. */
    public Optional<FiscalPeriod> lockedPeriodOf(String entity, LocalDate date) {
        return jdbc.query("SELECT * FROM fiscal_period WHERE entity = ? AND ? BETWEEN start_date AND end_date"
                + " AND status = 'LOCKED'", ROW, entity, Date.valueOf(date)).stream().findFirst();
    }

    public FiscalPeriod setCutoff(String entity, YearMonth month, Instant cutoff, String who) {
        FiscalPeriod period = ensure(entity, month);
        refuseIfLocked(period, "set its cut-off");
        jdbc.update("UPDATE fiscal_period SET cutoff_at = ?, status_changed_by = ?, status_changed_at = ?"
                + " WHERE entity = ? AND period = ?", Timestamp.from(cutoff), who, now(), entity, month.toString());
        return find(entity, month).orElseThrow();
    }

    public FiscalPeriod softClose(String entity, YearMonth month, String who) {
        return changeStatus(entity, month, "SOFT_CLOSED", who);
    }

    /** Locks the period for good. It needs a cut-off, so its as-of figures are defined. */
    public FiscalPeriod lock(String entity, YearMonth month, String who) {
        FiscalPeriod period = ensure(entity, month);
        if (period.cutoffAt() == null) {
            throw new IllegalStateException(entity + " " + month + " has no cut-off: set one before locking");
        }
        return changeStatus(entity, month, "LOCKED", who);
    }

    private FiscalPeriod changeStatus(String entity, YearMonth month, String status, String who) {
        FiscalPeriod period = ensure(entity, month);
        refuseIfLocked(period, "change it to " + status);
        jdbc.update("UPDATE fiscal_period SET status = ?, status_changed_by = ?, status_changed_at = ?"
                + " WHERE entity = ? AND period = ?", status, who, now(), entity, month.toString());
        return find(entity, month).orElseThrow();
    }

    private static void refuseIfLocked(FiscalPeriod period, String what) {
        if (period.isLocked()) {
            throw new IllegalStateException("period locked: " + period.entity() + " " + period.period()
                    + " is LOCKED (by " + period.statusChangedBy() + " at " + period.statusChangedAt()
                    + "); cannot " + what);
        }
    }

    private Timestamp now() {
        return Timestamp.from(Instant.now(clock));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
