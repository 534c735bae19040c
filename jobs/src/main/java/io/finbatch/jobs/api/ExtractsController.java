package io.finbatch.jobs.api;

import io.finbatch.writers.extract.ExtractArchive;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The extract files. A download streams the file recorded in {@code extract_file} for the id: the request
 * names no path, and a recorded path that is not inside the extracts folder (after resolving links) is
 * answered 404, as an unknown id is.
 */
@RestController
class ExtractsController {

    record ExtractFile(long id, String name, String kind, String period, int version, String format, long rowCount,
            String sha256, String controlTotals, Instant asOf, Long jobExecutionId, Instant createdAt) {
    }

    private record Located(Path file, String format, String sha256) {
    }

    private final JdbcTemplate jdbc;
    private final ExtractArchive archive;
    private final Audited audited;

    ExtractsController(JdbcTemplate jdbc, ExtractArchive archive, Audited audited) {
        this.jdbc = jdbc;
        this.archive = archive;
        this.audited = audited;
    }

    @GetMapping("/api/extracts")
    List<ExtractFile> list(@RequestParam(required = false) String name, @RequestParam(required = false) String period,
            @RequestParam(defaultValue = "200") int limit) {
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
        sql.append(" ORDER BY id DESC FETCH FIRST ").append(Math.min(Math.max(1, limit), 1000)).append(" ROWS ONLY");
        return jdbc.query(sql.toString(), (rs, n) -> new ExtractFile(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getInt(5), rs.getString(6), rs.getLong(7), rs.getString(8), rs.getString(9),
                rs.getTimestamp(10).toInstant(), rs.getObject(11, Long.class), rs.getTimestamp(12).toInstant()),
                args.toArray());
    }

    @GetMapping("/api/extracts/{id}/download")
    ResponseEntity<Resource> download(@PathVariable long id, HttpServletRequest request, Principal who) {
        Located located = audited.run(request, who, () -> locate(id),
                l -> l.file().getFileName() + " sha256 " + l.sha256());
        MediaType type = "xlsx".equals(located.format())
                ? MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                : MediaType.parseMediaType("text/csv");
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(located.file().getFileName().toString()).build().toString())
                .header("X-Content-SHA256", located.sha256())
                .body(new FileSystemResource(located.file()));
    }

    private Located locate(long id) {
        List<Located> rows = jdbc.query("SELECT path, format, sha256 FROM extract_file WHERE id = ?",
                (rs, n) -> new Located(Path.of(rs.getString(1)), rs.getString(2), rs.getString(3)), id);
        if (rows.isEmpty()) {
            throw new NotFoundException("no extract file " + id);
        }
        Located row = rows.get(0);
        try {
            Path base = archive.base().toRealPath();
            Path file = row.file().toAbsolutePath().normalize();
            if (!file.startsWith(archive.base()) || !Files.isRegularFile(file)
                    || !file.toRealPath().startsWith(base)) {
                throw new NotFoundException("extract file " + id + " is not in the extracts folder");
            }
            return new Located(file.toRealPath(), row.format(), row.sha256());
        } catch (IOException e) {
            throw new NotFoundException("extract file " + id + " is not readable: " + e.getMessage());
        }
    }
}
