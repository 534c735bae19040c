package io.finbatch.jobs.close;

import io.finbatch.mappings.money.Iban;
import io.finbatch.mappings.money.Masking;
import io.finbatch.writers.posting.OdooLockDates;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The checks of the month-end close. Each returns the blockers it found (none: the check passed).
 *
 * <p><b>Statements rule.</b> For every configured bank account, every business day (Monday to Friday, minus the
 * configured holidays) of the period from {@code statementsRequiredFrom} (default: the period's first day) up to the
 * period's last business day must be covered by an end-of-day statement of an imported file: a statement with a
 * booked closing balance dated that day, or spanning it (opening balance date before it, closing balance date on or
 * after it). Intraday reports (MT942, camt.052 without a closing balance) do not count: a close needs the day's
 * closing balance.
 */
public class CloseChecks {

    private final JdbcTemplate jdbc;
    private final CloseProperties properties;
    private final Clock clock;

    public CloseChecks(JdbcTemplate jdbc, CloseProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** The business days of the period that need a statement, in order. */
    public List<LocalDate> requiredStatementDays(YearMonth period) {
        LocalDate from = period.atDay(1);
        if (properties.statementsRequiredFrom() != null && properties.statementsRequiredFrom().isAfter(from)) {
            from = properties.statementsRequiredFrom();
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(period.atEndOfMonth()); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                    && !properties.holidays().contains(day)) {
                days.add(day);
            }
        }
        return days;
    }

    /** (a) An end-of-day statement for every configured account and required business day. */
    public List<CloseBlocker> statements(YearMonth period) {
        return statements(period, period.atEndOfMonth());
    }

    /** The required business days of the period up to {@code until} (inclusive) that have no statement. */
    public List<CloseBlocker> statements(YearMonth period, LocalDate until) {
        List<CloseBlocker> blockers = new ArrayList<>();
        List<LocalDate> required = requiredStatementDays(period).stream().filter(d -> !d.isAfter(until)).toList();
        if (required.isEmpty()) {
            return blockers;
        }
        for (String configured : properties.bankAccounts()) {
            String account = Iban.normalize(configured);
            Set<LocalDate> covered = new HashSet<>();
            jdbc.query("SELECT s.opening_date, s.closing_date FROM bank_statement s JOIN statement_file f"
                    + " ON f.id = s.statement_file_id WHERE f.status = 'IMPORTED' AND (s.account_iban = ?"
                    + " OR s.account_other = ?) AND s.closing_date IS NOT NULL AND s.closing_date >= ?", rs -> {
                LocalDate closing = rs.getDate(2).toLocalDate();
                LocalDate opening = rs.getDate(1) == null ? closing.minusDays(1) : rs.getDate(1).toLocalDate();
                covered.add(closing);
                for (LocalDate day = opening.plusDays(1); day.isBefore(closing); day = day.plusDays(1)) {
                    covered.add(day);
                }
            }, account, account, Date.valueOf(required.get(0)));
            for (LocalDate day : required) {
                if (!covered.contains(day)) {
                    String masked = Masking.maskAccount(account);
                    blockers.add(new CloseBlocker("STATEMENTS", masked, "no end-of-day statement of account " + masked
                            + " for " + day + " (" + day.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                            + ")"));
                }
            }
        }
        return blockers;
    }

    /** (b) Nothing dated in the period still waiting to be posted to Odoo (outbox PENDING or SENT). */
    public List<CloseBlocker> unpostedOutbox(YearMonth period) {
        return jdbc.query("SELECT business_key, kind, item_date, state FROM odoo_outbox WHERE state IN ('PENDING', 'SENT')"
                + " AND item_date BETWEEN ? AND ? ORDER BY item_date, id",
                (rs, n) -> new CloseBlocker("OUTBOX", rs.getString(1), "outbox item " + rs.getString(1) + " ("
                        + rs.getString(2) + " of " + rs.getDate(3).toLocalDate() + ") is still " + rs.getString(4)
                        + ": not posted to Odoo (run post)"),
                Date.valueOf(period.atDay(1)), Date.valueOf(period.atEndOfMonth()));
    }

    /** (c) Open exceptions (import exceptions OPEN, posting items SKIPPED) within the configured threshold. */
    public List<CloseBlocker> openExceptions(YearMonth period) {
        long imports = jdbc.queryForObject("SELECT COUNT(*) FROM import_exception WHERE status = 'OPEN'", Long.class);
        long skipped = jdbc.queryForObject("SELECT COUNT(*) FROM odoo_outbox WHERE state = 'SKIPPED'"
                + " AND item_date <= ?", Long.class, Date.valueOf(period.atEndOfMonth()));
        long open = imports + skipped;
        if (open <= properties.maxOpenExceptions()) {
            return List.of();
        }
        List<CloseBlocker> blockers = new ArrayList<>();
        blockers.add(new CloseBlocker("EXCEPTIONS", null, open + " open exceptions (" + imports
                + " import exceptions OPEN, " + skipped + " posting items SKIPPED), more than the "
                + properties.maxOpenExceptions() + " allowed (finbatch.close.max-open-exceptions)"));
        blockers.addAll(jdbc.query("SELECT id, kind, file_name, reason FROM import_exception WHERE status = 'OPEN'"
                + " ORDER BY id FETCH FIRST 20 ROWS ONLY", (rs, n) -> new CloseBlocker("EXCEPTIONS",
                "import_exception " + rs.getLong(1), "import exception " + rs.getLong(1) + " " + rs.getString(2)
                        + " (" + rs.getString(3) + "): " + rs.getString(4))));
        blockers.addAll(jdbc.query("SELECT business_key, item_date, last_error FROM odoo_outbox WHERE state = 'SKIPPED'"
                + " AND item_date <= ? ORDER BY item_date, id FETCH FIRST 20 ROWS ONLY", (rs, n) -> new CloseBlocker(
                "EXCEPTIONS", rs.getString(1), "posting skipped: " + rs.getString(1) + " of "
                        + rs.getDate(2).toLocalDate() + ": " + rs.getString(3)), Date.valueOf(period.atEndOfMonth())));
        return blockers;
    }

    /** (d) No unreconciled bank statement line in Odoo dated on or before the period's end (Odoo refuses the lock). */
    public List<CloseBlocker> odooUnreconciled(YearMonth period, OdooLockDates odoo) {
        List<OdooLockDates.UnreconciledLine> lines = odoo.unreconciledLines(period.atEndOfMonth());
        if (lines.isEmpty()) {
            return List.of();
        }
        List<CloseBlocker> blockers = new ArrayList<>();
        blockers.add(new CloseBlocker("ODOO_UNRECONCILED", null, lines.size() + " unreconciled bank statement line(s)"
                + " in Odoo dated on or before " + period.atEndOfMonth() + ": Odoo refuses the lock until they are"
                + " reconciled or deleted"));
        for (OdooLockDates.UnreconciledLine line : lines) {
            blockers.add(new CloseBlocker("ODOO_UNRECONCILED", "account.bank.statement.line " + line.id(),
                    "unreconciled in Odoo: " + line.describe()));
        }
        return blockers;
    }

    /** Stores the blockers of a close execution (committed at once: the step that found them fails). */
    public void store(long jobExecutionId, YearMonth period, List<CloseBlocker> blockers) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        for (CloseBlocker b : blockers) {
            jdbc.update("INSERT INTO close_blocker (job_execution_id, period, check_name, subject, detail, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", jobExecutionId, period.toString(), b.check(), truncate(b.subject(), 200),
                    truncate(b.detail(), 4000), now);
        }
    }

    public List<CloseBlocker> blockers(long jobExecutionId) {
        return jdbc.query("SELECT check_name, subject, detail FROM close_blocker WHERE job_execution_id = ? ORDER BY id",
                (rs, n) -> new CloseBlocker(rs.getString(1), rs.getString(2), rs.getString(3)), jobExecutionId);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
