package io.finbatch.jobs.banklines;

import io.finbatch.mappings.journal.JournalEntryLine;
import io.finbatch.mappings.journal.LedgerLine;
import io.finbatch.mappings.rules.BankLineMapping;
import io.finbatch.mappings.statement.StatementLine;
import io.finbatch.writers.journal.JournalLineStore;
import io.finbatch.writers.staging.ImportExceptionRecorder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a chunk of mapped lines in the chunk's transaction: the two journal lines of each matched line
 * (source {@code BANK_RULES}, line ids {@code <unique_import_id>/1} bank side and {@code /2} counter side;
 * lines already stored are not stored again), a PERIOD_LOCKED exception for each line of a locked period,
 * and for every line its mark in {@code bank_line_mapping} (an earlier UNMATCHED mark is replaced).
 */
class BankLineMappingWriter implements ItemWriter<MappedLine> {

    static final String SOURCE = "BANK_RULES";
    static final String JOURNAL = "BANK";

    private final JdbcTemplate jdbc;
    private final JournalLineStore store;
    private final ImportExceptionRecorder exceptions;
    private final Clock clock;
    private final long executionId;

    BankLineMappingWriter(JdbcTemplate jdbc, JournalLineStore store, ImportExceptionRecorder exceptions, Clock clock,
            long executionId) {
        this.jdbc = jdbc;
        this.store = store;
        this.exceptions = exceptions;
        this.clock = clock;
        this.executionId = executionId;
    }

    @Override
    public void write(Chunk<? extends MappedLine> chunk) {
        Instant now = Instant.now(clock);
        Map<String, List<LedgerLine>> journalByCurrency = new LinkedHashMap<>();
        List<Object[]> marks = new ArrayList<>();
        List<Object[]> previous = new ArrayList<>();
        for (MappedLine mapped : chunk) {
            StagedLine staged = mapped.staged();
            switch (mapped.outcome()) {
                case MATCHED -> {
                    BankLineMapping.Matched m = mapped.matched();
                    String currency = m.account().currency() != null ? m.account().currency() : staged.line().currency();
                    List<LedgerLine> lines = journalByCurrency.computeIfAbsent(currency, c -> new ArrayList<>());
                    lines.add(ledgerLine(mapped, "/1", m.bankLine(), now));
                    lines.add(ledgerLine(mapped, "/2", m.counterLine(), now));
                }
                case PERIOD_LOCKED -> exceptions.record(staged.fileId(), executionId, staged.fileName(),
                        ImportExceptionRecorder.Kind.PERIOD_LOCKED, location(staged), mapped.reason(), null);
                case UNMATCHED -> {
                }
            }
            previous.add(new Object[] {staged.id()});
            marks.add(new Object[] {staged.id(), mapped.outcome().name(), mapped.entity(),
                mapped.matched() == null ? null : cut(mapped.matched().rule().name(), 200), cut(mapped.reason(), 4000),
                executionId, Timestamp.from(now)});
        }
        journalByCurrency.forEach((currency, lines) -> store.storeNew(SOURCE, currency, lines));
        jdbc.batchUpdate("DELETE FROM bank_line_mapping WHERE statement_line_id = ? AND outcome = 'UNMATCHED'",
                previous);
        jdbc.batchUpdate("INSERT INTO bank_line_mapping (statement_line_id, outcome, entity, rule_name, reason,"
                + " job_execution_id, mapped_at) VALUES (?, ?, ?, ?, ?, ?, ?)", marks);
    }

    private static LedgerLine ledgerLine(MappedLine mapped, String suffix, JournalEntryLine line, Instant now) {
        StatementLine statementLine = mapped.staged().line();
        String id = statementLine.uniqueImportId();
        String reference = statementLine.endToEndId() != null ? statementLine.endToEndId()
                : statementLine.bankReference();
        return new LedgerLine(mapped.entity(), id + suffix, JOURNAL, id, mapped.date(), line.accountCode(),
                cut(line.label(), 500), line.debit(), line.credit(), null, null, cut(line.partnerName(), 200), null,
                cut(reference, 500), now);
    }

    private static String location(StagedLine staged) {
        String where = "statement line " + staged.id();
        return staged.line().location() == null ? where : where + " (" + staged.line().location() + ")";
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
