package io.finbatch.writers.posting;

import io.finbatch.mappings.journal.JournalEntry;
import io.finbatch.mappings.journal.JournalEntryLine;
import io.finbatch.writers.journal.JournalEntryStore;
import io.finbatch.writers.periods.FiscalPeriod;
import io.finbatch.writers.periods.FiscalPeriodRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an outbox item into the values Odoo's {@code create} takes, resolving journals, accounts,
 * partners and currencies through the {@link OdooDirectory}. An item that cannot be posted (period
 * locked in Odoo, no journal for its bank account, an unknown account code) is refused with the reason.
 */
public class PostingPreparer {

    private static final String LINE_COLUMNS = "account_key, booking_date, value_date, amount, currency,"
            + " counterparty_name, counterparty_iban, counterparty_other, remittance, structured_reference,"
            + " end_to_end_id, original_amount, original_currency";
    private static final String[] LINE_COLUMN_NAMES = LINE_COLUMNS.split(",\\s*");
    /** A statement line's columns by their lower-case names, whatever case the database reports them in. */
    private static final RowMapper<Map<String, Object>> LINE_ROW = (rs, n) -> {
        Map<String, Object> row = new HashMap<>();
        for (String column : LINE_COLUMN_NAMES) {
            row.put(column, JdbcUtils.getResultSetValue(rs, rs.findColumn(column)));
        }
        return row;
    };

    private final JdbcTemplate jdbc;
    private final JournalEntryStore entries;
    private final OdooDirectory directory;
    private final FiscalPeriodRepository periods;
    /** Statement lines loaded by {@link #prefetch}, by id, not taken yet. */
    private final Map<Long, Map<String, Object>> prefetched = new HashMap<>();

    public PostingPreparer(JdbcTemplate jdbc, JournalEntryStore entries, OdooDirectory directory,
            FiscalPeriodRepository periods) {
        this.jdbc = jdbc;
        this.entries = entries;
        this.directory = directory;
        this.periods = periods;
    }

    public PreparedPosting prepare(OutboxItem item) {
        Optional<LocalDate> lock = directory.lockDate();
        if (lock.isPresent() && !item.itemDate().isAfter(lock.get())) {
            return PreparedPosting.refusedUnlessInOdoo(item, "period locked in Odoo: dated " + item.itemDate()
                    + ", on or before the company's lock date " + lock.get());
        }
        return switch (item.kind()) {
            case STATEMENT_LINE -> statementLine(item);
            case JOURNAL_ENTRY -> journalEntry(item);
        };
    }

    /** The Odoo model an item of this kind becomes. */
    public static String model(OutboxKind kind) {
        return kind == OutboxKind.STATEMENT_LINE ? "account.bank.statement.line" : "account.move";
    }

    /**
     * Loads the staged statement lines of the given items in one query ({@code = ANY(?)}, see the staging
     * writer), for {@link #prepare} to take instead of one query per item. Each is taken once; what is not
     * loaded here is read on its own.
     */
    public void prefetch(List<OutboxItem> items) {
        Long[] ids = items.stream().filter(item -> item.kind() == OutboxKind.STATEMENT_LINE)
                .map(OutboxItem::sourceId).distinct().toArray(Long[]::new);
        if (ids.length == 0) {
            return;
        }
        jdbc.query(connection -> {
            PreparedStatement query = connection.prepareStatement("SELECT id, " + LINE_COLUMNS
                    + " FROM statement_line WHERE id = ANY (?)");
            query.setArray(1, connection.createArrayOf("BIGINT", ids));
            return query;
        }, rs -> {
            prefetched.put(rs.getLong("id"), LINE_ROW.mapRow(rs, 0));
        });
    }

    private PreparedPosting statementLine(OutboxItem item) {
        Map<String, Object> line = prefetched.remove(item.sourceId());
        if (line == null) {
            line = jdbc.queryForObject("SELECT " + LINE_COLUMNS + " FROM statement_line WHERE id = ?", LINE_ROW,
                    item.sourceId());
        }
        String account = (String) line.get("account_key");
        Optional<Long> journal = directory.bankJournalFor(account);
        if (journal.isEmpty()) {
            return PreparedPosting.refused(item, "no Odoo bank journal for account "
                    + OdooDirectory.describe(account) + ": set the journal's bank account in Odoo, or map the account"
                    + " in finbatch.odoo.journals");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("journal_id", journal.get());
        values.put("date", item.itemDate().toString());
        values.put("payment_ref", firstOf(line, "remittance", "structured_reference", "end_to_end_id", "/"));
        values.put("amount", line.get("amount"));
        putIfPresent(values, "partner_name", line.get("counterparty_name"));
        Object counterpartyAccount = line.get("counterparty_iban") != null ? line.get("counterparty_iban")
                : line.get("counterparty_other");
        putIfPresent(values, "account_number", counterpartyAccount);
        String originalCurrency = (String) line.get("original_currency");
        if (originalCurrency != null && line.get("original_amount") != null
                && !originalCurrency.equals(line.get("currency"))) {
            Optional<Long> currency = directory.currencyByCode(originalCurrency);
            if (currency.isPresent()) {
                BigDecimal amount = (BigDecimal) line.get("amount");
                BigDecimal original = ((BigDecimal) line.get("original_amount")).abs();
                values.put("foreign_currency_id", currency.get());
                values.put("amount_currency", amount.signum() < 0 ? original.negate() : original);
            }
        }
        values.put(directory.statementLineKeyField(), item.businessKey());
        return PreparedPosting.ready(item, values);
    }

    private PreparedPosting journalEntry(OutboxItem item) {
        JournalEntry entry = entries.load(item.sourceId());
        Optional<FiscalPeriod> locked = periods.lockedPeriodOf(entry.entity(), entry.date());
        if (locked.isPresent()) {
            return PreparedPosting.refused(item, "period locked: " + entry.entity() + " " + locked.get().period()
                    + " is LOCKED here");
        }
        Optional<Long> journal = directory.journalByCode(entry.journalCode());
        if (journal.isEmpty()) {
            return PreparedPosting.refused(item, "no Odoo journal with code " + entry.journalCode());
        }
        List<Object> commands = new ArrayList<>();
        for (JournalEntryLine line : entry.lines()) {
            Optional<Long> account = directory.accountByCode(line.accountCode());
            if (account.isEmpty()) {
                return PreparedPosting.refused(item, "no Odoo account with code " + line.accountCode());
            }
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("account_id", account.get());
            values.put("name", line.label());
            values.put("debit", line.debit());
            values.put("credit", line.credit());
            if (line.partnerName() != null) {
                Optional<Long> partner = directory.partnerByName(line.partnerName());
                if (partner.isEmpty()) {
                    return PreparedPosting.refused(item, "no Odoo partner named '" + line.partnerName()
                            + "': create it in Odoo (or correct the entry), then post again");
                }
                values.put("partner_id", partner.get());
            }
            if (line.currency() != null && line.amountCurrency() != null) {
                Optional<Long> currency = directory.currencyByCode(line.currency());
                if (currency.isEmpty()) {
                    return PreparedPosting.refused(item, "no Odoo currency " + line.currency());
                }
                values.put("currency_id", currency.get());
                values.put("amount_currency", line.amountCurrency());
            }
            if (line.analytic() != null) {
                values.put("analytic_distribution", Map.of(line.analytic(), 100));
            }
            commands.add(List.of(0, 0, values));
        }
        Map<String, Object> move = new LinkedHashMap<>();
        move.put("move_type", "entry");
        move.put("journal_id", journal.get());
        move.put("date", entry.date().toString());
        move.put("ref", item.businessKey());
        move.put("line_ids", commands);
        return PreparedPosting.ready(item, move);
    }

    private static Object firstOf(Map<String, Object> row, String... columnsThenDefault) {
        for (int i = 0; i < columnsThenDefault.length - 1; i++) {
            Object value = row.get(columnsThenDefault[i]);
            if (value != null && !value.toString().isBlank()) {
                return value;
            }
        }
        return columnsThenDefault[columnsThenDefault.length - 1];
    }

    private static void putIfPresent(Map<String, Object> values, String field, Object value) {
        if (value != null) {
            values.put(field, value);
        }
    }
}
