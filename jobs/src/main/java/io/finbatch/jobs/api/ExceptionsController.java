package io.finbatch.jobs.api;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** The exception queues: what imports refused or skipped, and the postings Odoo refused (SKIPPED outbox items). */
@RestController
class ExceptionsController {

    record ImportException(long id, Long jobExecutionId, String fileName, String kind, String location,
            String reason, String snippet, String status, Instant createdAt) {
    }

    record SkippedPosting(long id, String businessKey, String kind, long sourceId, String itemDate, int attempts,
            String lastError, Long jobExecutionId, Instant updatedAt) {
    }

    record Exceptions(List<ImportException> imports, List<SkippedPosting> postings) {
    }

    private final JdbcTemplate jdbc;

    ExceptionsController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param status import exceptions of this status (default OPEN; ALL for every one) */
    @GetMapping("/api/exceptions")
    Exceptions exceptions(@RequestParam(defaultValue = "OPEN") String status,
            @RequestParam(defaultValue = "500") int limit) {
        int rows = Math.min(Math.max(1, limit), 5000);
        boolean all = "ALL".equalsIgnoreCase(status);
        List<ImportException> imports = jdbc.query("SELECT id, job_execution_id, file_name, kind, location, reason,"
                + " snippet, status, created_at FROM import_exception"
                + (all ? " WHERE 1 = ?" : " WHERE status = ?") + " ORDER BY id DESC FETCH FIRST " + rows + " ROWS ONLY",
                (rs, n) -> new ImportException(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getTimestamp(9).toInstant()),
                all ? (Object) 1 : status.toUpperCase(java.util.Locale.ROOT));
        List<SkippedPosting> postings = jdbc.query("SELECT id, business_key, kind, source_id, item_date, attempts,"
                + " last_error, job_execution_id, updated_at FROM odoo_outbox WHERE state = 'SKIPPED'"
                + " ORDER BY id DESC FETCH FIRST " + rows + " ROWS ONLY",
                (rs, n) -> new SkippedPosting(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        String.valueOf(rs.getDate(5)), rs.getInt(6), rs.getString(7),
                        rs.getObject(8, Long.class), rs.getTimestamp(9).toInstant()));
        return new Exceptions(imports, postings);
    }
}
