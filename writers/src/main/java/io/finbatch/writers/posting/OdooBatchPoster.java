package io.finbatch.writers.posting;

import io.finbatch.writers.odoo.OdooBusinessException;
import io.finbatch.writers.odoo.OdooClient;
import io.finbatch.writers.odoo.OdooOutcomeUnknownException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Posts one batch of prepared items of one kind to Odoo so that nothing is ever created twice:
 * <ol>
 * <li>what Odoo already has of the batch's business keys (posted by a run that crashed after Odoo committed,
 * or from another database) is confirmed, not created again. The keys are searched in Odoo either by the
 * batch itself, or ahead of it for the page of pending items the batch comes from ({@link #lookAhead}: one
 * search for up to {@value #KEYS_PER_SEARCH} keys instead of one per batch); an answer found ahead is used once,
 * by the next batch holding that key;</li>
 * <li>one {@code create} for the rest; a batch Odoo refuses for one record's business error is split in
 * halves until the bad record stands alone and is skipped with Odoo's message, so the good ones post;</li>
 * <li>when the connection dies with the outcome unknown, the keys are searched again before anything is
 * re-sent;</li>
 * <li>journal entries are posted ({@code action_post}).</li>
 * </ol>
 * A record created here is confirmed without its booked date: Odoo silently moves a date in a locked period,
 * so the dates are read back afterwards, many records per call ({@link #bookedDates}), and moved ones flagged.
 * Access and transient failures (after the client's retries) propagate: the job stops and a restart
 * goes through the same searches, so it creates nothing twice either.
 */
public class OdooBatchPoster {

    private static final Logger log = LoggerFactory.getLogger(OdooBatchPoster.class);
    private static final int OUTCOME_UNKNOWN_RETRIES = 2;
    /** Business keys, or ids, in one search or read. */
    public static final int KEYS_PER_SEARCH = 1000;

    private final OdooClient odoo;
    private final OdooDirectory directory;
    /** Answers of {@link #lookAhead} not used yet, by business key: the record Odoo has, or none. */
    private final Map<String, Optional<Found>> lookedAhead = new HashMap<>();

    public OdooBatchPoster(OdooDirectory directory) {
        this.odoo = directory.odoo();
        this.directory = directory;
    }

    public List<PostingResult> post(OutboxKind kind, List<PreparedPosting> batch) {
        List<PostingResult> results = new ArrayList<>();
        String model = PostingPreparer.model(kind);
        String keyField = keyField(kind);
        Map<String, PreparedPosting> toSend = new LinkedHashMap<>();
        Map<String, PreparedPosting> refusedUnlessInOdoo = new LinkedHashMap<>();
        for (PreparedPosting posting : batch) {
            if (posting.isRefused() && posting.unlessInOdoo()) {
                refusedUnlessInOdoo.put(posting.item().businessKey(), posting);
            } else if (posting.isRefused()) {
                lookedAhead.remove(posting.item().businessKey());
                results.add(new PostingResult.Skipped(posting.item(), posting.refusal()));
            } else {
                toSend.put(posting.item().businessKey(), posting);
            }
        }
        List<String> keys = new ArrayList<>(toSend.keySet());
        keys.addAll(refusedUnlessInOdoo.keySet());
        Map<String, Found> existing = existing(model, keyField, keys);
        for (PreparedPosting posting : refusedUnlessInOdoo.values()) {
            Found found = existing.get(posting.item().businessKey());
            if (found != null && (kind == OutboxKind.STATEMENT_LINE || "posted".equals(found.state()))) {
                results.add(new PostingResult.Confirmed(posting.item(), found.id(), found.date(), true));
            } else {
                results.add(new PostingResult.Skipped(posting.item(), posting.refusal()));
            }
        }
        List<PreparedPosting> created = new ArrayList<>();
        Map<String, Long> createdIds = new HashMap<>();
        List<PreparedPosting> missing = new ArrayList<>();
        for (PreparedPosting posting : toSend.values()) {
            Found found = existing.get(posting.item().businessKey());
            if (found != null && (kind == OutboxKind.STATEMENT_LINE || "posted".equals(found.state()))) {
                results.add(new PostingResult.Confirmed(posting.item(), found.id(), found.date(), true));
            } else if (found != null) {
                // a draft entry of an earlier, interrupted run: post it rather than create another
                createdIds.put(posting.item().businessKey(), found.id());
                created.add(posting);
            } else {
                missing.add(posting);
            }
        }
        createSplittingOnRefusal(model, keyField, missing, createdIds, created, results, 0);
        if (kind == OutboxKind.JOURNAL_ENTRY) {
            postSplittingOnRefusal(created, createdIds, results);
        }
        for (PreparedPosting posting : created) {
            results.add(new PostingResult.Confirmed(posting.item(), createdIds.get(posting.item().businessKey()),
                    null, false));
        }
        return results;
    }

    /**
     * Searches Odoo for the business keys of items about to be posted (a page of pending items), in calls of
     * up to {@value #KEYS_PER_SEARCH} keys; {@link #post} then takes each answer once instead of searching for
     * that key itself. For the next page only: an answer is as old as the page, and is dropped once used.
     */
    public void lookAhead(OutboxKind kind, List<OutboxItem> items) {
        String model = PostingPreparer.model(kind);
        String keyField = keyField(kind);
        List<String> keys = items.stream().map(OutboxItem::businessKey).distinct().toList();
        for (int from = 0; from < keys.size(); from += KEYS_PER_SEARCH) {
            List<String> page = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_SEARCH));
            Map<String, Found> found = findByKeys(model, keyField, page);
            for (String key : page) {
                lookedAhead.put(key, Optional.ofNullable(found.get(key)));
            }
        }
    }

    /**
     * The dates Odoo booked the given records on (those it has: a record deleted since is left out), read in
     * calls of up to {@value #KEYS_PER_SEARCH} ids.
     */
    public Map<Long, LocalDate> bookedDates(OutboxKind kind, List<Long> odooIds) {
        String model = PostingPreparer.model(kind);
        Map<Long, LocalDate> dates = new HashMap<>();
        for (int from = 0; from < odooIds.size(); from += KEYS_PER_SEARCH) {
            List<Long> page = List.copyOf(odooIds.subList(from, Math.min(odooIds.size(), from + KEYS_PER_SEARCH)));
            for (Map<String, Object> row : odoo.searchRead(model, List.of(List.of("id", "in", page)),
                    List.of("date"), null, "id")) {
                dates.put(((Number) row.get("id")).longValue(), date(row.get("date")));
            }
        }
        return dates;
    }

    /** What Odoo has of the keys: the answers looked ahead, and one search for the keys not looked up. */
    private Map<String, Found> existing(String model, String keyField, List<String> keys) {
        Map<String, Found> existing = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String key : keys) {
            Optional<Found> answer = lookedAhead.remove(key);
            if (answer == null) {
                unknown.add(key);
            } else {
                answer.ifPresent(found -> existing.put(key, found));
            }
        }
        existing.putAll(findByKeys(model, keyField, unknown));
        return existing;
    }

    /**
     * For items marked SENT by a run that stopped before recording Odoo's answer: those Odoo has (a
     * journal entry only once posted) are returned as confirmed; the others are not in the result and
     * can be sent again.
     */
    public List<PostingResult.Confirmed> reconcile(OutboxKind kind, List<OutboxItem> sent) {
        Map<String, Found> found = findByKeys(PostingPreparer.model(kind), keyField(kind),
                sent.stream().map(OutboxItem::businessKey).toList());
        List<PostingResult.Confirmed> confirmed = new ArrayList<>();
        for (OutboxItem item : sent) {
            Found hit = found.get(item.businessKey());
            if (hit != null && (kind == OutboxKind.STATEMENT_LINE || "posted".equals(hit.state()))) {
                confirmed.add(new PostingResult.Confirmed(item, hit.id(), hit.date(), true));
            }
        }
        return confirmed;
    }

    private void createSplittingOnRefusal(String model, String keyField, List<PreparedPosting> batch,
            Map<String, Long> createdIds, List<PreparedPosting> created, List<PostingResult> results, int unknownTries) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            List<Long> ids = odoo.create(model, batch.stream().map(PreparedPosting::values).toList());
            for (int i = 0; i < batch.size(); i++) {
                createdIds.put(batch.get(i).item().businessKey(), ids.get(i));
                created.add(batch.get(i));
            }
        } catch (OdooBusinessException refused) {
            if (batch.size() == 1) {
                results.add(new PostingResult.Skipped(batch.get(0).item(), "Odoo refused it: " + refused.getMessage()));
                return;
            }
            int half = batch.size() / 2;
            createSplittingOnRefusal(model, keyField, batch.subList(0, half), createdIds, created, results, unknownTries);
            createSplittingOnRefusal(model, keyField, batch.subList(half, batch.size()), createdIds, created, results,
                    unknownTries);
        } catch (OdooOutcomeUnknownException unknown) {
            if (unknownTries >= OUTCOME_UNKNOWN_RETRIES) {
                throw unknown;
            }
            log.warn("Odoo did not answer a create of {} {} record(s) ({}); searching for them before re-sending",
                    batch.size(), model, unknown.getMessage());
            Map<String, Found> found = findByKeys(model, keyField,
                    batch.stream().map(p -> p.item().businessKey()).toList());
            List<PreparedPosting> stillMissing = new ArrayList<>();
            for (PreparedPosting posting : batch) {
                Found hit = found.get(posting.item().businessKey());
                if (hit != null) {
                    createdIds.put(posting.item().businessKey(), hit.id());
                    created.add(posting);
                } else {
                    stillMissing.add(posting);
                }
            }
            createSplittingOnRefusal(model, keyField, stillMissing, createdIds, created, results, unknownTries + 1);
        }
    }

    private void postSplittingOnRefusal(List<PreparedPosting> created, Map<String, Long> ids,
            List<PostingResult> results) {
        List<PreparedPosting> refused = new ArrayList<>();
        actionPost(created, ids, refused, results);
        created.removeAll(refused);
    }

    private void actionPost(List<PreparedPosting> batch, Map<String, Long> ids, List<PreparedPosting> refused,
            List<PostingResult> results) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            odoo.call("account.move", "action_post", batch.stream().map(p -> ids.get(p.item().businessKey())).toList(),
                    Map.of());
        } catch (OdooBusinessException error) {
            if (batch.size() == 1) {
                PreparedPosting posting = batch.get(0);
                refused.add(posting);
                results.add(new PostingResult.Skipped(posting.item(), "Odoo refused to post it (draft move "
                        + ids.get(posting.item().businessKey()) + " left in Odoo): " + error.getMessage()));
                return;
            }
            int half = batch.size() / 2;
            actionPost(batch.subList(0, half), ids, refused, results);
            actionPost(batch.subList(half, batch.size()), ids, refused, results);
        }
    }

    private record Found(long id, LocalDate date, String state) {
    }

    private Map<String, Found> findByKeys(String model, String keyField, java.util.Collection<String> keys) {
        Map<String, Found> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        List<String> fields = model.equals("account.move") ? List.of(keyField, "date", "state") : List.of(keyField, "date");
        for (Map<String, Object> row : odoo.searchRead(model, List.of(List.of(keyField, "in", List.copyOf(keys))),
                fields, null, "id")) {
            Object key = row.get(keyField);
            if (key instanceof String text) {
                found.putIfAbsent(text, new Found(((Number) row.get("id")).longValue(), date(row.get("date")),
                        row.get("state") instanceof String state ? state : null));
            }
        }
        return found;
    }

    private String keyField(OutboxKind kind) {
        return kind == OutboxKind.STATEMENT_LINE ? directory.statementLineKeyField() : "ref";
    }

    private static LocalDate date(Object value) {
        return value instanceof String text && !text.isBlank() ? LocalDate.parse(text) : null;
    }
}
