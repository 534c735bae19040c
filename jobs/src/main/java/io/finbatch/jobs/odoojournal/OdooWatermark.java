package io.finbatch.jobs.odoojournal;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * {@code odoo_import_watermark}: per entity and model, the (write second, id) up to which Odoo's records have
 * been seen. Read and written inside the transaction of the page it covers.
 */
class OdooWatermark {

    /** Seen: everything written before {@code second}, and of that second the ids up to {@code lastId}. */
    record Position(LocalDateTime second, long lastId) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    OdooWatermark(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Position> find(String entity, String model) {
        List<Position> rows = jdbc.query("SELECT last_write_date, last_id FROM odoo_import_watermark"
                + " WHERE entity = ? AND model = ?", (rs, n) -> new Position(
                        rs.getTimestamp(1).toLocalDateTime(), rs.getLong(2)), entity, model);
        return rows.stream().findFirst();
    }

    void save(String entity, String model, Position position) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        Timestamp second = Timestamp.valueOf(position.second());
        int updated = jdbc.update("UPDATE odoo_import_watermark SET last_write_date = ?, last_id = ?, updated_at = ?"
                + " WHERE entity = ? AND model = ?", second, position.lastId(), now, entity, model);
        if (updated == 0) {
            jdbc.update("INSERT INTO odoo_import_watermark (entity, model, last_write_date, last_id, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?)", entity, model, second, position.lastId(), now);
        }
    }
}
