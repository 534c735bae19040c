package io.finbatch.jobs.odoojournal;

import io.finbatch.mappings.journal.LedgerLine;
import io.finbatch.writers.journal.JournalLineStore;
import io.finbatch.writers.periods.FiscalPeriodRepository;
import io.finbatch.writers.staging.ImportExceptionRecorder;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One page of the entity's posted Odoo journal items per call, each call one transaction: new items stored
 * as journal lines (source {@code ODOO}), items of a LOCKED local period queued as PERIOD_LOCKED, items
 * already imported whose accounting content changed in Odoo queued as "changed in Odoo after import" (journal
 * lines are append-only), the watermark advanced past the page. Items seen again unchanged (a reconciliation
 * also moves {@code write_date}) are only counted.
 */
class OdooJournalImportTasklet implements Tasklet {

    static final String SOURCE = "ODOO";
    static final String IMPORTED = "odooJournal.imported";
    static final String UNCHANGED = "odooJournal.unchanged";
    static final String LOCKED = "odooJournal.periodLocked";
    static final String CHANGED = "odooJournal.changedAfterImport";

    private final String entity;
    private final long company;
    private final OdooJournalItemPages pages;
    private final OdooJournalItemMapper mapper;
    private final OdooWatermark watermarks;
    private final JournalLineStore store;
    private final FiscalPeriodRepository periods;
    private final ImportExceptionRecorder exceptions;
    private final JdbcTemplate jdbc;

    OdooJournalImportTasklet(String entity, long company, OdooJournalItemPages pages, OdooJournalItemMapper mapper,
            OdooWatermark watermarks, JournalLineStore store, FiscalPeriodRepository periods,
            ImportExceptionRecorder exceptions, JdbcTemplate jdbc) {
        this.entity = entity;
        this.company = company;
        this.pages = pages;
        this.mapper = mapper;
        this.watermarks = watermarks;
        this.store = store;
        this.periods = periods;
        this.exceptions = exceptions;
        this.jdbc = jdbc;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        OdooJournalItemPages.Page page = pages.next(watermarks.find(entity, OdooJournalItemPages.MODEL).orElse(null));
        if (page == null) {
            return RepeatStatus.FINISHED;
        }
        Long executionId = contribution.getStepExecution().getJobExecutionId();
        ExecutionContext counts = contribution.getStepExecution().getExecutionContext();
        List<LedgerLine> lines = mapper.map(page.items());
        Map<String, StoredLine> stored = stored(lines);
        Map<String, List<LedgerLine>> newByCurrency = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            LedgerLine line = lines.get(i);
            contribution.incrementReadCount();
            StoredLine before = stored.get(line.lineId());
            if (before != null) {
                List<String> changes = before.differences(line);
                if (changes.isEmpty()) {
                    add(counts, UNCHANGED, 1);
                } else {
                    queue(executionId, ImportExceptionRecorder.Kind.SKIPPED_ENTRY, location(line), "changed in Odoo"
                            + " after import (journal lines are append-only; reverse and re-post in Odoo, or correct"
                            + " here by hand): " + String.join(", ", changes));
                    add(counts, CHANGED, 1);
                }
                continue;
            }
            var locked = periods.lockedPeriodOf(entity, line.date());
            if (locked.isPresent()) {
                queue(executionId, ImportExceptionRecorder.Kind.PERIOD_LOCKED, location(line), "period locked: "
                        + entity + " " + locked.get().period() + " is LOCKED (Odoo item " + line.lineId() + " dated "
                        + line.date() + ")");
                add(counts, LOCKED, 1);
                continue;
            }
            newByCurrency.computeIfAbsent(OdooJournalItemMapper.companyCurrency(page.items().get(i)),
                    c -> new ArrayList<>()).add(line);
        }
        newByCurrency.forEach((currency, batch) -> {
            int written = store.storeNew(SOURCE, currency, batch);
            contribution.incrementWriteCount(written);
            add(counts, IMPORTED, written);
        });
        watermarks.save(entity, OdooJournalItemPages.MODEL, page.next());
        return page.last() ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
    }

    /** Queues an exception unless the same one is already queued (the overlap reads items again). */
    private void queue(Long executionId, ImportExceptionRecorder.Kind kind, String location, String reason) {
        Long same = jdbc.queryForObject("SELECT COUNT(*) FROM import_exception WHERE file_name = ? AND kind = ?"
                + " AND location = ? AND reason = ?", Long.class, origin(), kind.name(), location, reason);
        if (same == null || same == 0) {
            exceptions.record(null, executionId, origin(), kind, location, reason, null);
        }
    }

    private String origin() {
        return "Odoo " + OdooJournalItemPages.MODEL + " of company " + company;
    }

    private static String location(LedgerLine line) {
        return OdooJournalItemPages.MODEL + " " + line.lineId() + " (" + line.entryId() + ")";
    }

    private static void add(ExecutionContext counts, String key, long n) {
        counts.putLong(key, counts.getLong(key, 0L) + n);
    }

    private Map<String, StoredLine> stored(List<LedgerLine> lines) {
        Map<String, StoredLine> found = new HashMap<>();
        if (lines.isEmpty()) {
            return found;
        }
        List<Object> args = new ArrayList<>(List.of(SOURCE, entity));
        lines.forEach(line -> args.add(line.lineId()));
        jdbc.query("SELECT source_line_id, journal, entry_id, entry_date, account, label, debit, credit,"
                + " transaction_currency, amount_currency, partner, reference FROM journal_line"
                + " WHERE source = ? AND entity = ? AND source_line_id IN ("
                + String.join(",", Collections.nCopies(lines.size(), "?")) + ")", rs -> {
                    found.put(rs.getString(1), new StoredLine(rs.getString(2), rs.getString(3),
                            rs.getDate(4).toLocalDate().toString(), rs.getString(5), rs.getString(6),
                            rs.getBigDecimal(7), rs.getBigDecimal(8), trim(rs.getString(9)), rs.getBigDecimal(10),
                            rs.getString(11), rs.getString(12)));
                }, args.toArray());
        return found;
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    /** The accounting content of a stored journal line, to tell a real change from a mere new write_date. */
    record StoredLine(String journal, String entryId, String date, String account, String label, BigDecimal debit,
            BigDecimal credit, String currency, BigDecimal amountCurrency, String partner, String reference) {

        List<String> differences(LedgerLine now) {
            List<String> out = new ArrayList<>();
            same(out, "journal", journal, now.journal());
            same(out, "entry", entryId, now.entryId());
            same(out, "date", date, now.date().toString());
            same(out, "account", account, now.account());
            same(out, "label", label, now.label());
            amount(out, "debit", debit, now.debit());
            amount(out, "credit", credit, now.credit());
            same(out, "currency", currency, now.currency());
            amount(out, "amount_currency", amountCurrency, now.amountCurrency());
            same(out, "partner", partner, now.partner());
            same(out, "ref", reference, now.reference());
            return out;
        }

        private static void same(List<String> out, String what, String was, String is) {
            if (!Objects.equals(was, is)) {
                out.add(what + " " + was + " -> " + is);
            }
        }

        private static void amount(List<String> out, String what, BigDecimal was, BigDecimal is) {
            boolean equal = was == null || is == null ? was == is : was.compareTo(is) == 0;
            if (!equal) {
                out.add(what + " " + (was == null ? null : was.stripTrailingZeros().toPlainString()) + " -> "
                        + (is == null ? null : is.stripTrailingZeros().toPlainString()));
            }
        }
    }
}
