package io.finbatch.jobs.odoojournal;

import io.finbatch.mappings.journal.LedgerLine;
import io.finbatch.writers.odoo.OdooClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An Odoo journal item ({@code account.move.line}, as {@link OdooJournalItemPages#FIELDS} reads it) as a
 * {@link LedgerLine} of the entity. Journal and account codes are looked up once per id in Odoo.
 */
class OdooJournalItemMapper {

    private final OdooClient client;
    private final String entity;
    private final Map<Long, String> accountCodes = new HashMap<>();
    private final Map<Long, String> journalCodes = new HashMap<>();

    OdooJournalItemMapper(OdooClient client, String entity) {
        this.client = client;
        this.entity = entity;
    }

    /** The lines of a page, codes looked up in one call per model for the ids not seen yet. */
    List<LedgerLine> map(List<Map<String, Object>> items) {
        lookUp("account.account", items, "account_id", accountCodes);
        lookUp("account.journal", items, "journal_id", journalCodes);
        List<LedgerLine> lines = new ArrayList<>();
        for (Map<String, Object> item : items) {
            lines.add(map(item));
        }
        return lines;
    }

    /** The entity's own currency for an item ({@code company_currency_id}). */
    static String companyCurrency(Map<String, Object> item) {
        return name(item.get("company_currency_id"));
    }

    private LedgerLine map(Map<String, Object> item) {
        long id = ((Number) item.get("id")).longValue();
        Long account = id(item.get("account_id"));
        if (account == null || accountCodes.get(account) == null) {
            throw new IllegalStateException("Odoo journal item " + id + " (" + text(item.get("move_name"))
                    + ") has no account code: " + item.get("account_id"));
        }
        String currency = name(item.get("currency_id"));
        boolean foreign = currency != null && !currency.equals(companyCurrency(item));
        return new LedgerLine(entity, Long.toString(id), journalCodes.get(id(item.get("journal_id"))),
                text(item.get("move_name")), LocalDate.parse(text(item.get("date"))), accountCodes.get(account),
                cut(text(item.get("name")), 500), money(item.get("debit")), money(item.get("credit")), foreign ? currency : null,
                foreign ? money(item.get("amount_currency")) : null, cut(name(item.get("partner_id")), 200), null,
                cut(text(item.get("ref")), 500), OdooJournalItemPages.second(item).toInstant(ZoneOffset.UTC));
    }

    private void lookUp(String model, List<Map<String, Object>> items, String field, Map<Long, String> codes) {
        List<Long> missing = new ArrayList<>();
        for (Map<String, Object> item : items) {
            Long ref = id(item.get(field));
            if (ref != null && !codes.containsKey(ref) && !missing.contains(ref)) {
                missing.add(ref);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        for (Map<String, Object> row : client.read(model, missing, List.of("code"))) {
            codes.put(((Number) row.get("id")).longValue(), text(row.get("code")));
        }
    }

    private static Long id(Object many2one) {
        return many2one instanceof List<?> pair && !pair.isEmpty() ? ((Number) pair.get(0)).longValue() : null;
    }

    private static String name(Object many2one) {
        return many2one instanceof List<?> pair && pair.size() > 1 ? String.valueOf(pair.get(1)) : null;
    }

    /** Odoo's {@code false} (unset) and blanks as null. */
    private static String text(Object value) {
        return value instanceof String s && !s.isBlank() ? s : null;
    }

    /** Within the column widths of {@code journal_line}. */
    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static BigDecimal money(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        return BigDecimal.ZERO;
    }
}
