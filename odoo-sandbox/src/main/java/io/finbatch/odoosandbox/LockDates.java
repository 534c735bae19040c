package io.finbatch.odoosandbox;

import static io.finbatch.odoosandbox.Schema.COMPANY;
import static io.finbatch.odoosandbox.Schema.JOURNAL;
import static io.finbatch.odoosandbox.Schema.MOVE;
import static io.finbatch.odoosandbox.Schema.STATEMENT_LINE;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The company lock dates, as Odoo applies them.
 *
 * <ul>
 * <li>Setting the global ({@code fiscalyear_lock_date}) or hard lock date while unreconciled bank statement lines
 * are dated on or before it is refused with a RedirectWarning ({@code res.company} lock validation).</li>
 * <li>An entry dated in a locked period is created as a draft and posted anyway: {@code account.move._post}
 * re-dates it with {@code _get_accounting_date}: the day after the latest violated lock date, then, unless the
 * journal numbers its entries per year, the end of that month when today is in a later month (else the later of that
 * day and today); for a yearly-numbered journal (bank, sale: {@code BNK1/2021/00001}) the 31 December of that year
 * when today is in a later year. Hence, with a lock on 2020-12-31 and today in 2026, a miscellaneous entry of
 * 2020-06-15 is posted on 2021-01-31 and a bank statement line of the same day on 2021-12-31.</li>
 * <li>Changing a posted entry in a locked period is refused ({@code _check_fiscal_lock_dates}).</li>
 * </ul>
 */
final class LockDates {

    /** A violated lock: its date and the company field that set it. */
    record Violation(LocalDate date, String field) {
    }

    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");
    private static final Pattern MONTHLY = Pattern.compile(
            "^.*?(?:(?<=\\D)|^)(?:(?:19|20|21)\\d{2}|\\d{2}(?=\\D))\\D(?:0[1-9]|1[0-2])\\D+?\\d+\\D*?$");
    private static final Pattern YEARLY = Pattern.compile("^.*?(?:(?<=\\D)|^)(?:19|20|21)?\\d{2}\\D+?\\d+\\D*?$");

    private final SandboxDatabase db;

    LockDates(SandboxDatabase db) {
        this.db = db;
    }

    /** The lock-date fields of {@code res.company} and their labels, per server version. */
    static Map<String, String> fields(int major) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (major >= 18) {
            fields.put("fiscalyear_lock_date", "Global Lock Date");
            fields.put("tax_lock_date", "Tax Return Lock Date");
            fields.put("sale_lock_date", "Sales Lock Date");
            fields.put("purchase_lock_date", "Purchase Lock Date");
            fields.put("hard_lock_date", "Hard Lock Date");
        } else {
            fields.put("period_lock_date", "Journal Entries Lock Date");
            fields.put("fiscalyear_lock_date", "All Users Lock Date");
            fields.put("tax_lock_date", "Tax Return Lock Date");
        }
        return fields;
    }

    private LocalDate lock(Map<String, Object> company, String field) {
        Object value = company.get(field);
        return value == null ? null : LocalDate.parse((String) value);
    }

    /**
     * The locks an accounting date violates, oldest first. The API user is an adviser (like Odoo's admin), so in 17
     * only the "all users" lock applies, not {@code period_lock_date}. Entries have no taxes in the sandbox.
     */
    List<Violation> violations(Long companyId, LocalDate date, String journalType, boolean hasTax) {
        Map<String, Object> company = db.record(COMPANY, companyId);
        List<Violation> out = new ArrayList<>();
        if (company == null || date == null) {
            return out;
        }
        List<String> checked = new ArrayList<>(List.of("fiscalyear_lock_date"));
        if (db.options.majorVersion() >= 18) {
            if ("sale".equals(journalType)) {
                checked.add("sale_lock_date");
            }
            if ("purchase".equals(journalType)) {
                checked.add("purchase_lock_date");
            }
            checked.add("hard_lock_date");
        }
        if (hasTax) {
            checked.add("tax_lock_date");
        }
        for (String field : checked) {
            LocalDate lock = lock(company, field);
            if (lock != null && !date.isAfter(lock)) {
                out.add(new Violation(lock, field));
            }
        }
        Long parent = (Long) company.get("parent_id");
        if (parent != null) {
            out.addAll(violations(parent, date, journalType, hasTax));
        }
        out.sort(Comparator.comparing(Violation::date));
        return out;
    }

    /** Odoo's {@code _get_accounting_date} for an entry posted in a locked period (see the class comment). */
    LocalDate accountingDate(Env env, Map<String, Object> move, LocalDate date, List<Violation> locks) {
        LocalDate today = env.today;
        String highest = db.accounting.lastSequenceName((Long) move.get("journal_id"), (Long) move.get("id"));
        String reset = highest == null ? null : numberReset(highest);
        LocalDate day = locks.isEmpty() ? date : locks.get(locks.size() - 1).date().plusDays(1);
        String moveType = String.valueOf(move.get("move_type"));
        if (moveType.startsWith("out_")) { // sale documents
            if (!locks.isEmpty()) {
                if (reset == null || "month".equals(reset)) {
                    return min(today, day.withDayOfMonth(day.lengthOfMonth()));
                }
                if ("year".equals(reset)) {
                    return min(today, LocalDate.of(day.getYear(), 12, 31));
                }
            }
            return day;
        }
        if (reset == null || "month".equals(reset)) {
            if (today.getYear() * 12 + today.getMonthValue() > day.getYear() * 12 + day.getMonthValue()) {
                return day.withDayOfMonth(day.lengthOfMonth());
            }
            return max(day, today);
        }
        if ("year".equals(reset)) {
            return today.getYear() > day.getYear() ? LocalDate.of(day.getYear(), 12, 31) : max(day, today);
        }
        return day;
    }

    /** Odoo's {@code _deduce_sequence_number_reset}: how a name's number restarts (per month, per year, never). */
    static String numberReset(String name) {
        if (MONTHLY.matcher(name).matches()) {
            return "month";
        }
        if (YEARLY.matcher(name).matches()) {
            return "year";
        }
        return "never";
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** {@code _check_fiscal_lock_dates}: a posted entry in a locked period cannot change. */
    void checkFiscal(Env env, Map<String, Object> move) {
        Map<String, Object> journal = db.record(JOURNAL, (Long) move.get("journal_id"));
        LocalDate date = LocalDate.parse((String) move.get("date"));
        List<Violation> locks = violations((Long) move.get("company_id"), date,
                journal == null ? null : (String) journal.get("type"), false);
        if (locks.isEmpty()) {
            return;
        }
        if (db.options.majorVersion() < 18) {
            throw OdooError.userError("You cannot add/modify entries prior to and inclusive of the lock date "
                    + locks.get(locks.size() - 1).date().format(US_DATE) + ".");
        }
        Map<String, String> labels = fields(db.options.majorVersion());
        List<String> parts = new ArrayList<>();
        for (Violation lock : locks) {
            parts.add(labels.get(lock.field()) + " (" + lock.date().format(US_DATE) + ")");
        }
        throw OdooError.userError("You cannot add/modify entries prior to and inclusive of: " + formatList(parts) + ".");
    }

    /** Babel's English list: "A", "A and B", "A, B, and C". */
    private static String formatList(List<String> parts) {
        if (parts.size() <= 2) {
            return String.join(" and ", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + ", and " + parts.get(parts.size() - 1);
    }

    // ---------------------------------------------------------------- setting lock dates on res.company

    ModelHooks companyHooks() {
        return new ModelHooks() {
            @Override
            public void beforeWrite(Env env, List<Long> ids, Map<String, Object> vals) {
                for (Long id : ids) {
                    validate(env, id, vals);
                }
            }
        };
    }

    private void validate(Env env, Long companyId, Map<String, Object> vals) {
        Map<String, Object> company = db.record(COMPANY, companyId);
        int major = db.options.majorVersion();
        if (major >= 18 && vals.containsKey("hard_lock_date")) {
            LocalDate old = lock(company, "hard_lock_date");
            Object value = vals.get("hard_lock_date");
            if (old != null && (value == null || Boolean.FALSE.equals(value))) {
                throw OdooError.userError("The Hard Lock Date cannot be removed.");
            }
            if (old != null && LocalDate.parse(Orm.date(value)).isBefore(old)) {
                throw OdooError.userError("A new Hard Lock Date must be posterior (or equal) to the previous one.");
            }
        }
        // 17 refuses a lock with draft entries before it; 18+ only a hard lock
        String draftField = major >= 18 ? "hard_lock_date" : "fiscalyear_lock_date";
        LocalDate draftLock = newLock(vals, draftField);
        if (draftLock != null) {
            List<Long> drafts = new ArrayList<>();
            for (Map<String, Object> move : db.store(MOVE).all()) {
                if (inCompany(move.get("company_id"), companyId) && "draft".equals(move.get("state"))
                        && !LocalDate.parse((String) move.get("date")).isAfter(draftLock)) {
                    drafts.add((Long) move.get("id"));
                }
            }
            if (!drafts.isEmpty()) {
                Map<String, Object> action = new LinkedHashMap<>();
                action.put("view_mode", "list");
                action.put("name", "Draft Entries");
                action.put("res_model", "account.move");
                action.put("type", "ir.actions.act_window");
                action.put("domain", List.of(List.of("id", "in", drafts)));
                action.put("views", List.of(List.of(false, "list"), List.of(false, "form")));
                throw OdooError.redirectWarning(major >= 18
                        ? "There are still draft entries in the period you want to hard lock. You should either post or delete them."
                        : "There are still draft entries in the period you want to lock. You should either post or delete them.",
                        action, "Show draft entries");
            }
        }
        for (String field : List.of("fiscalyear_lock_date", "hard_lock_date")) {
            LocalDate lock = newLock(vals, field);
            if (lock != null) {
                checkUnreconciledStatementLines(env, companyId, lock);
            }
        }
    }

    private static LocalDate newLock(Map<String, Object> vals, String field) {
        Object value = vals.get(field);
        return value == null || Boolean.FALSE.equals(value) ? null : LocalDate.parse(Orm.date(value));
    }

    private boolean inCompany(Object company, Long root) {
        Long current = (Long) company;
        while (current != null) {
            if (current.equals(root)) {
                return true;
            }
            Map<String, Object> rec = db.record(COMPANY, current);
            current = rec == null ? null : (Long) rec.get("parent_id");
        }
        return false;
    }

    private void checkUnreconciledStatementLines(Env env, Long companyId, LocalDate lock) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Map<String, Object> line : db.store(STATEMENT_LINE).all()) {
            Map<String, Object> move = db.record(MOVE, (Long) line.get("move_id"));
            if (inCompany(line.get("company_id"), companyId) && !Boolean.TRUE.equals(line.get("is_reconciled"))
                    && move != null && !LocalDate.parse((String) move.get("date")).isAfter(lock)
                    && List.of("draft", "posted").contains(move.get("state"))) {
                lines.add(line);
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        db.orm.sort(env, db.model(STATEMENT_LINE), lines, db.model(STATEMENT_LINE).order);
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("name", "Unreconciled Transactions");
        action.put("type", "ir.actions.act_window");
        action.put("res_model", "account.bank.statement.line");
        action.put("context", Map.of("create", false));
        if (lines.size() == 1) {
            action.put("view_mode", "form");
            action.put("res_id", lines.get(0).get("id"));
        } else {
            List<Object> ids = new ArrayList<>();
            lines.forEach(l -> ids.add(l.get("id")));
            action.put("view_mode", "list,form");
            action.put("domain", List.of(List.of("id", "in", ids)));
        }
        throw OdooError.redirectWarning("There are still unreconciled bank statement lines in the period you want to "
                + "lock.You should either reconcile or delete them.", action, "Show Unreconciled Bank Statement Line");
    }

}
