package io.finbatch.writers.extract;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;

/**
 * The archive of extract files: {@code <base>/<period>/<name>/<version>/}, and table {@code extract_file}.
 * A run gets the next version (one more than the highest recorded, and a folder nobody has: a folder is
 * claimed by creating it, so two runs at once never share one); nothing is ever overwritten.
 */
public class ExtractArchive {

    private static final RowMapper<ExtractFileRecord> ROW = (rs, n) -> new ExtractFileRecord(rs.getString("name"),
            rs.getString("kind"), rs.getString("period"), rs.getInt("version"), rs.getString("format"),
            rs.getString("path"), rs.getString("manifest_path"), rs.getString("sha256"),
            rs.getString("definition_sha256"), rs.getLong("row_count"), rs.getString("control_totals"),
            rs.getTimestamp("as_of").toInstant(), (Long) rs.getObject("job_execution_id", Long.class),
            rs.getTimestamp("created_at").toInstant());

    private final JdbcTemplate jdbc;
    private final Path base;

    public ExtractArchive(JdbcTemplate jdbc, Path base) {
        this.jdbc = jdbc;
        this.base = base.toAbsolutePath().normalize();
    }

    public Path base() {
        return base;
    }

    public record Slot(int version, Path directory) {
    }

    /** Claims the folder of the next version of an extract for a period. */
    public Slot claimNextVersion(String name, String period) {
        Integer highest = jdbc.queryForObject("SELECT MAX(version) FROM extract_file WHERE name = ? AND period = ?",
                Integer.class, name, period);
        int version = highest == null ? 1 : highest + 1;
        Path parent = base.resolve(period).resolve(name);
        try {
            Files.createDirectories(parent);
            while (true) {
                Path directory = parent.resolve(Integer.toString(version));
                try {
                    Files.createDirectory(directory);
                    return new Slot(version, directory);
                } catch (FileAlreadyExistsException taken) {
                    version++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for " + name + " " + period + " under " + parent, e);
        }
    }

    public void record(ExtractFileRecord file) {
        jdbc.update("INSERT INTO extract_file (name, kind, period, version, format, path, manifest_path, sha256,"
                + " definition_sha256, row_count, control_totals, as_of, job_execution_id, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", file.name(), file.kind(), file.period(),
                file.version(), file.format(), file.path(), file.manifestPath(), file.sha256(),
                file.definitionSha256(), file.rowCount(), file.controlTotals(), Timestamp.from(file.asOf()),
                file.jobExecutionId(), Timestamp.from(file.createdAt()));
    }

    public List<ExtractFileRecord> byJobExecution(long jobExecutionId) {
        return jdbc.query("SELECT * FROM extract_file WHERE job_execution_id = ? ORDER BY format", ROW, jobExecutionId);
    }

    public List<ExtractFileRecord> versions(String name, String period) {
        return jdbc.query("SELECT * FROM extract_file WHERE name = ? AND period = ? ORDER BY version, format", ROW,
                name, period);
    }
}
