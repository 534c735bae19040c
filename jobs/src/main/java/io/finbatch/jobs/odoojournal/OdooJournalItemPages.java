package io.finbatch.jobs.odoojournal;

import io.finbatch.writers.odoo.OdooClient;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the posted journal items of one Odoo company page by page, in the order {@code write_date, id}, after a
 * {@link OdooWatermark.Position}. Odoo reads {@code write_date} to the second but compares it in the database to
 * the microsecond, so a tie-break on id is only sound within a whole second: a page never ends in the middle of
 * a second (the items of its last second are left to the next page), and a second with more items than a page
 * is read by itself in id order.
 */
class OdooJournalItemPages {

    static final String MODEL = "account.move.line";
    static final List<String> FIELDS = List.of("id", "write_date", "move_id", "move_name", "date", "ref",
            "journal_id", "account_id", "partner_id", "name", "debit", "credit", "amount_currency", "currency_id",
            "company_currency_id");
    static final DateTimeFormatter ODOO_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /**
     * The items of a page and the position once they are stored; {@code last}: nothing more was there when it
     * was read (the run ends with it).
     */
    record Page(List<Map<String, Object>> items, OdooWatermark.Position next, boolean last) {
    }

    private final OdooClient client;
    private final long company;
    private final int pageSize;
    private final Duration overlap;

    /**
     * @param overlap how far before the newest item the next run reads again: Odoo stamps write_date at the start
     *                of a transaction, so an item may appear after newer ones were read; items seen again unchanged
     *                are only counted
     */
    OdooJournalItemPages(OdooClient client, long company, int pageSize, Duration overlap) {
        this.client = client;
        this.company = company;
        this.pageSize = pageSize;
        this.overlap = overlap;
    }

    /** The next page after {@code after} (null: from the start); null when there is nothing more to do. */
    Page next(OdooWatermark.Position after) {
        List<Object> domain = base();
        if (after != null) {
            domain.addAll(List.of("|", List.of("write_date", ">=", text(after.second().plusSeconds(1))),
                    "&", List.of("write_date", ">=", text(after.second())), List.of("id", ">", after.lastId())));
        }
        List<Map<String, Object>> items = client.searchRead(MODEL, domain, FIELDS, pageSize, "write_date, id");
        if (items.isEmpty()) {
            // the end, right after a second read in id order: the next run reads the overlap again too
            return after == null || after.lastId() == 0 ? null
                    : new Page(List.of(), new OdooWatermark.Position(after.second().minus(overlap), 0), true);
        }
        LocalDateTime last = second(items.get(items.size() - 1));
        if (items.size() < pageSize) {
            return new Page(items, new OdooWatermark.Position(last.minus(overlap), 0), true);
        }
        List<Map<String, Object>> complete = new ArrayList<>();
        for (Map<String, Object> item : items) {
            if (second(item).isBefore(last)) {
                complete.add(item);
            }
        }
        if (!complete.isEmpty()) {
            // the seconds before the last one are complete; the last one is read again from its start
            return new Page(complete, new OdooWatermark.Position(last, 0), false);
        }
        // a whole page of one second: read that second alone, in id order
        long fromId = after != null && after.second().equals(last) ? after.lastId() : 0;
        List<Object> oneSecond = base();
        oneSecond.add(List.of("write_date", ">=", text(last)));
        oneSecond.add(List.of("write_date", "<", text(last.plusSeconds(1))));
        oneSecond.add(List.of("id", ">", fromId));
        List<Map<String, Object>> inSecond = client.searchRead(MODEL, oneSecond, FIELDS, pageSize, "id");
        return new Page(inSecond, new OdooWatermark.Position(last, maxIdIn(inSecond, last)), false);
    }

    private List<Object> base() {
        List<Object> domain = new ArrayList<>();
        domain.add(List.of("company_id", "=", company));
        domain.add(List.of("parent_state", "=", "posted"));
        domain.add(List.of("display_type", "not in", List.of("line_section", "line_subsection", "line_note")));
        return domain;
    }

    private static long maxIdIn(List<Map<String, Object>> items, LocalDateTime second) {
        long max = 0;
        for (Map<String, Object> item : items) {
            if (second(item).equals(second)) {
                max = Math.max(max, ((Number) item.get("id")).longValue());
            }
        }
        return max;
    }

    static LocalDateTime second(Map<String, Object> item) {
        Object value = item.get("write_date");
        if (!(value instanceof String text) || text.length() < 19) {
            throw new IllegalStateException(MODEL + " " + item.get("id") + " has no write_date (" + value + ")");
        }
        return LocalDateTime.parse(text.substring(0, 19), ODOO_DATETIME);
    }

    static String text(LocalDateTime second) {
        return second.format(ODOO_DATETIME);
    }
}
