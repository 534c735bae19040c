package io.finbatch.jobs.statementimport;

import io.finbatch.jobs.events.EventOutbox;
import io.finbatch.jobs.events.EventText;
import io.finbatch.jobs.events.EventTypes;
import io.finbatch.mappings.money.Masking;
import io.finbatch.writers.staging.StatementFileRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code statement.imported} and {@code statement.rejected}, written by the step that marks the file, in its
 * transaction. Accounts appear masked only.
 */
@Component
class StatementImportEvents {

    private final EventOutbox outbox;
    private final StatementFileRegistry registry;
    private final JdbcTemplate jdbc;

    StatementImportEvents(EventOutbox outbox, StatementFileRegistry registry, JdbcTemplate jdbc) {
        this.outbox = outbox;
        this.registry = registry;
        this.jdbc = jdbc;
    }

    void imported(long fileId, long executionId) {
        StatementFileRegistry.FileRow row = registry.findById(fileId).orElseThrow();
        Map<String, Object> facts = common(row, executionId);
        facts.put("statements", row.statements());
        facts.put("linesImported", row.linesImported());
        facts.put("duplicates", row.linesDuplicate());
        facts.put("skipped", row.linesSkipped());
        List<String> accounts = jdbc.queryForList("SELECT DISTINCT COALESCE(account_iban, account_other)"
                + " FROM bank_statement WHERE statement_file_id = ?", String.class, fileId);
        facts.put("accounts", accounts.stream().filter(a -> a != null).map(Masking::maskAccount).sorted().toList());
        outbox.publish(EventTypes.STATEMENT_IMPORTED, facts);
    }

    void rejected(long fileId, long executionId, String reason) {
        StatementFileRegistry.FileRow row = registry.findById(fileId).orElseThrow();
        Map<String, Object> facts = common(row, executionId);
        // the reason starts with the file's path on this server: the receiver gets its name only
        String withoutPath = reason == null ? null : reason.replace(row.fileName(), facts.get("fileName").toString());
        facts.put("reason", EventText.masked(withoutPath, 2000));
        outbox.publish(EventTypes.STATEMENT_REJECTED, facts);
    }

    private static Map<String, Object> common(StatementFileRegistry.FileRow row, long executionId) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("statementFileId", row.id());
        facts.put("fileName", Path.of(row.fileName()).getFileName().toString());
        facts.put("sha256", row.sha256());
        facts.put("format", row.format());
        facts.put("executionId", executionId);
        return facts;
    }
}
