package io.finbatch.jobs.extract;

import io.finbatch.writers.extract.ExtractArchive;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The extract files recorded in {@code extract_file}, for the console and the API. A file is only ever found
 * by its id: a request names no path, and a recorded path that is not inside the extracts folder (after
 * resolving links) is reported as missing, as an unknown id is.
 */
@Component
public class ExtractFiles {

    public record ExtractFile(long id, String name, String kind, String period, int version, String format,
            long rowCount, String sha256, String controlTotals, Instant asOf, Long jobExecutionId, Instant createdAt) {
    }

    /** A file on disk that may be handed out, with its recorded SHA-256. */
    public record Located(Path file, String format, String sha256) {
    }

    private final JdbcTemplate jdbc;
    private final ExtractArchive archive;

    public ExtractFiles(JdbcTemplate jdbc, ExtractArchive archive) {
        this.jdbc = jdbc;
        this.archive = archive;
    }

    /** Latest first; name and period optional. */
    public List<ExtractFile> list(String name, String period, int limit) {
        StringBuilder sql = new StringBuilder("SELECT id, name, kind, period, version, format, row_count, sha256,"
                + " control_totals, as_of, job_execution_id, created_at FROM extract_file WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (name != null && !name.isBlank()) {
            sql.append(" AND name = ?");
            args.add(name);
        }
        if (period != null && !period.isBlank()) {
            sql.append(" AND period = ?");
            args.add(period);
        }
        sql.append(" ORDER BY period DESC, name, version DESC, format FETCH FIRST ")
                .append(Math.min(Math.max(1, limit), 1000)).append(" ROWS ONLY");
        return jdbc.query(sql.toString(), (rs, n) -> new ExtractFile(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getInt(5), rs.getString(6), rs.getLong(7), rs.getString(8), rs.getString(9),
                rs.getTimestamp(10).toInstant(), rs.getObject(11, Long.class), rs.getTimestamp(12).toInstant()),
                args.toArray());
    }

    public Located locate(long id) {
        List<Located> rows = jdbc.query("SELECT path, format, sha256 FROM extract_file WHERE id = ?",
                (rs, n) -> new Located(Path.of(rs.getString(1)), rs.getString(2), rs.getString(3)), id);
        if (rows.isEmpty()) {
            throw new NoSuchElementException("no extract file " + id);
        }
        Located row = rows.get(0);
        return new Located(inArchive(id, row.file()), row.format(), row.sha256());
    }

    /** The manifest JSON written beside the file. */
    public String manifest(long id) {
        List<String> rows = jdbc.queryForList("SELECT manifest_path FROM extract_file WHERE id = ?", String.class, id);
        if (rows.isEmpty()) {
            throw new NoSuchElementException("no extract file " + id);
        }
        try {
            return Files.readString(inArchive(id, Path.of(rows.get(0))), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new NoSuchElementException("the manifest of extract file " + id + " is not readable: "
                    + e.getMessage());
        }
    }

    private Path inArchive(long id, Path recorded) {
        try {
            Path base = archive.base().toRealPath();
            Path file = recorded.toAbsolutePath().normalize();
            if (!file.startsWith(archive.base()) || !Files.isRegularFile(file) || !file.toRealPath().startsWith(base)) {
                throw new NoSuchElementException("extract file " + id + " is not in the extracts folder");
            }
            return file.toRealPath();
        } catch (IOException e) {
            throw new NoSuchElementException("extract file " + id + " is not readable: " + e.getMessage());
        }
    }
}
