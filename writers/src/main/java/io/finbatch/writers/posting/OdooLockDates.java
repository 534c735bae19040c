package io.finbatch.writers.posting;

import io.finbatch.writers.odoo.OdooClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Odoo side of a period lock: which lock-date fields of {@code res.company} this server has (found with
 * {@code fields_get}: Odoo 17 has {@code period_lock_date} and {@code fiscalyear_lock_date}, 18/19 have
 * {@code fiscalyear_lock_date} and the irreversible {@code hard_lock_date}, which is never set here), reading and
 * setting them, and the unreconciled bank statement lines that make Odoo refuse a lock (RedirectWarning).
 */
public class OdooLockDates {

    static final String COMPANY = "res.company";
    static final String STATEMENT_LINE = "account.bank.statement.line";

    /** An unreconciled bank statement line: it keeps Odoo from locking a date on or after it. */
    public record UnreconciledLine(long id, LocalDate date, BigDecimal amount, String paymentRef, String journal) {

        public String describe() {
            return "statement line " + id + " of " + date + ", " + (amount == null ? "?" : amount.toPlainString())
                    + (journal == null ? "" : ", journal " + journal)
                    + (paymentRef == null || paymentRef.isBlank() ? "" : ", \"" + paymentRef + "\"");
        }
    }

    private final OdooClient odoo;
    private List<String> lockFields;

    public OdooLockDates(OdooClient odoo) {
        this.odoo = odoo;
    }

    /**
     * The fields a period lock sets: {@code period_lock_date} and {@code fiscalyear_lock_date} where the server
     * has {@code period_lock_date} (17), else {@code fiscalyear_lock_date} only (18/19: never {@code hard_lock_date}).
     */
    public synchronized List<String> lockFields() {
        if (lockFields == null) {
            Map<String, Map<String, Object>> fields = odoo.fieldsGet(COMPANY, List.of("type"));
            List<String> found = new ArrayList<>();
            if (fields.containsKey("period_lock_date") && !fields.containsKey("hard_lock_date")) {
                found.add("period_lock_date");
            }
            if (fields.containsKey("fiscalyear_lock_date")) {
                found.add("fiscalyear_lock_date");
            }
            if (found.isEmpty()) {
                throw new IllegalStateException("res.company has no lock-date field this product knows"
                        + " (fiscalyear_lock_date, period_lock_date): " + fields.keySet());
            }
            lockFields = List.copyOf(found);
        }
        return lockFields;
    }

    /** The companies the API user sees. */
    public List<Long> companies() {
        return odoo.search(COMPANY, List.of(), null, "id");
    }

    /** Each company's lock dates (field → date or null), for the fields a lock sets. */
    public Map<Long, Map<String, LocalDate>> lockDates() {
        Map<Long, Map<String, LocalDate>> out = new LinkedHashMap<>();
        List<String> fields = new ArrayList<>(lockFields());
        List<String> read = new ArrayList<>(fields);
        read.add("id");
        for (Map<String, Object> company : odoo.searchRead(COMPANY, List.of(), read, null, "id")) {
            Map<String, LocalDate> dates = new LinkedHashMap<>();
            for (String field : fields) {
                dates.put(field, date(company.get(field)));
            }
            out.put(((Number) company.get("id")).longValue(), dates);
        }
        return out;
    }

    /**
     * Sets each company's lock date(s) to {@code date}, leaving any later lock date as it is (a restart or a
     * second close sets nothing twice and never moves a lock backwards).
     *
     * @return the companies whose lock date was changed
     */
    public List<Long> lockUpTo(LocalDate date) {
        List<Long> changed = new ArrayList<>();
        for (Map.Entry<Long, Map<String, LocalDate>> company : lockDates().entrySet()) {
            Map<String, Object> values = new LinkedHashMap<>();
            company.getValue().forEach((field, current) -> {
                if (current == null || current.isBefore(date)) {
                    values.put(field, date.toString());
                }
            });
            if (!values.isEmpty()) {
                odoo.write(COMPANY, List.of(company.getKey()), values);
                changed.add(company.getKey());
            }
        }
        return changed;
    }

    /** Unreconciled bank statement lines dated on or before {@code date}, oldest first. */
    public List<UnreconciledLine> unreconciledLines(LocalDate date) {
        List<UnreconciledLine> out = new ArrayList<>();
        for (Map<String, Object> line : odoo.searchRead(STATEMENT_LINE,
                List.of(List.of("is_reconciled", "=", false), List.of("date", "<=", date.toString())),
                List.of("id", "date", "amount", "payment_ref", "journal_id"), null, "date, id")) {
            Object amount = line.get("amount");
            Object journal = line.get("journal_id");
            out.add(new UnreconciledLine(((Number) line.get("id")).longValue(), date(line.get("date")),
                    amount instanceof BigDecimal decimal ? decimal
                            : amount instanceof Number number ? new BigDecimal(number.toString()) : null,
                    line.get("payment_ref") instanceof String text ? text : null,
                    journal instanceof List<?> pair && pair.size() > 1 ? String.valueOf(pair.get(1)) : null));
        }
        return out;
    }

    private static LocalDate date(Object value) {
        return value instanceof String text && !text.isBlank() ? LocalDate.parse(text.substring(0, 10)) : null;
    }
}
