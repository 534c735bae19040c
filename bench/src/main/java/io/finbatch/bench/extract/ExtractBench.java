package io.finbatch.bench.extract;

import io.finbatch.writers.extract.ExtractDefinition;
import io.finbatch.writers.extract.ExtractDefinitions;
import io.finbatch.writers.extract.ExtractFilesWriter;
import io.finbatch.writers.extract.ExtractFormat;
import io.finbatch.writers.extract.ExtractParameters;
import io.finbatch.writers.extract.ExtractQuery;
import io.finbatch.writers.extract.ExtractRow;
import org.flywaydb.core.Flyway;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The {@code gl-detail} extract on a generated journal-line store of N lines: fills an H2 file database under
 * {@code bench/target/extract-bench/} or a scratch PostgreSQL database, then streams the extract's own query
 * (the reviewed {@code sql/extracts/gl-detail.*}, through {@link ExtractQuery#reader}) into
 * {@link ExtractFilesWriter} in chunks, as the extract job's step does, to CSV or XLSX.
 * <pre>
 *   java -cp bench/target/finance-batch-bench.jar io.finbatch.bench.extract.ExtractBench fill h2|pg [ROWS]
 *   java -Xmx256m -cp bench/target/finance-batch-bench.jar io.finbatch.bench.extract.ExtractBench run h2|pg csv|xlsx
 * </pre>
 * The schema is made by the project's own Flyway migrations ({@code sql/migration}, both databases).
 * PostgreSQL: {@code jdbc:postgresql://127.0.0.1:5432/test} as postgres (override with FINBATCH_BENCH_PG_URL /
 * FINBATCH_BENCH_PG_USER); the data goes to a database {@code finbatch_bench_extract}, dropped and created by fill.
 * One line of results on stdout: rows, seconds, rows/s, peak heap (sum of the heap pools' peaks).
 */
public final class ExtractBench {

    static final YearMonth PERIOD = YearMonth.of(2026, 10);
    static final Instant AS_OF = Instant.parse("2026-11-03T18:00:00Z");
    static final String PG_DB = "finbatch_bench_extract";
    static final int CHUNK = 1000;
    static final int XLSX_WINDOW = 500;

    private ExtractBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: fill h2|pg [ROWS] | run h2|pg csv|xlsx [OUT_DIR]");
            System.exit(2);
        }
        switch (args[0]) {
            case "fill" -> fill(args[1], args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000);
            case "run" -> run(args[1], ExtractFormat.valueOf(args[2].toUpperCase(Locale.ROOT)),
                    args.length > 3 ? Path.of(args[3]) : target().resolve("extract-bench/out"));
            default -> throw new IllegalArgumentException("fill or run, not " + args[0]);
        }
    }

    static Path target() {
        return Path.of(System.getProperty("bench.target", "bench/target"));
    }

    static String pgBase() {
        String url = System.getenv().getOrDefault("FINBATCH_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        return url.substring(0, url.lastIndexOf('/') + 1);
    }

    static String pgUser() {
        return System.getenv().getOrDefault("FINBATCH_BENCH_PG_USER", "postgres");
    }

    static String url(String db) {
        return switch (db) {
            case "h2" -> "jdbc:h2:file:" + h2Directory().resolve("journal") + ";DB_CLOSE_ON_EXIT=FALSE";
            case "pg" -> pgBase() + PG_DB + "?reWriteBatchedInserts=true";
            default -> throw new IllegalArgumentException("h2 or pg, not " + db);
        };
    }

    static String user(String db) {
        return db.equals("h2") ? "sa" : pgUser();
    }

    static Path h2Directory() {
        return target().toAbsolutePath().resolve("extract-bench/h2");
    }

    static Connection connect(String db) throws SQLException {
        return DriverManager.getConnection(url(db), user(db), "");
    }

    /** A new database with the schema of the project's own migrations, filled with {@code rows} journal lines. */
    static void fill(String db, int rows) throws Exception {
        long start = System.nanoTime();
        if (db.equals("pg")) {
            try (Connection admin = DriverManager.getConnection(pgBase() + "test", pgUser(), "");
                    Statement sql = admin.createStatement()) {
                sql.execute("DROP DATABASE IF EXISTS " + PG_DB);
                sql.execute("CREATE DATABASE " + PG_DB);
            }
        } else {
            deleteRecursively(h2Directory());
        }
        Path migrations = Path.of(System.getProperty("migrations.dir", "sql/migration")).toAbsolutePath();
        Flyway.configure()
                .dataSource(url(db), user(db), "")
                .locations("filesystem:" + migrations.resolve("common"),
                        "filesystem:" + migrations.resolve(db.equals("pg") ? "postgresql" : "h2"))
                // H2's V12 trigger class lives in the jobs module, which the bench does not load; V12 is about
                // the audit log only
                .target(db.equals("pg") ? "latest" : "11")
                .load()
                .migrate();
        try (Connection c = connect(db)) {
            c.setAutoCommit(false);
            String[] entities = {"ACME-DE", "ACME-NL", "ACME-US"};
            String[] accounts = {"101401", "121000", "211000", "400000", "600000", "613000", "640000", "445660"};
            String[] partners = {"Northwind Traders Ltd", "Contoso GmbH", "Wide World Importers", "Fabrikam, Inc.", null};
            Random random = new Random(20_261_031L);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO journal_line (entity, source,"
                    + " source_line_id, journal, entry_id, entry_date, account, label, debit, credit, currency,"
                    + " transaction_currency, amount_currency, partner, counterparty_entity, reference, recorded_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    String entity = entities[i % 3];
                    int entry = i / 2;
                    BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(9_999_900), 2);
                    boolean debitSide = i % 2 == 0;
                    boolean foreign = entity.equals("ACME-US") ? false : random.nextInt(10) == 0;
                    insert.setString(1, entity);
                    insert.setString(2, "GL_CSV");
                    insert.setString(3, Integer.toString(1_000_000 + i));
                    insert.setString(4, i % 7 == 0 ? "BANK" : "MISC");
                    insert.setString(5, "E/2026/" + entry);
                    insert.setObject(6, PERIOD.atDay(1 + (entry % 31)));
                    insert.setString(7, accounts[random.nextInt(accounts.length)]);
                    insert.setString(8, "Generated line " + i + (i % 50 == 0 ? ", with a comma and \"quotes\"" : ""));
                    insert.setBigDecimal(9, debitSide ? amount : BigDecimal.ZERO);
                    insert.setBigDecimal(10, debitSide ? BigDecimal.ZERO : amount);
                    insert.setString(11, entity.equals("ACME-US") ? "USD" : "EUR");
                    insert.setString(12, foreign ? "USD" : null);
                    insert.setBigDecimal(13, foreign ? (debitSide ? amount : amount.negate()).multiply(new BigDecimal("1.16")).setScale(2, java.math.RoundingMode.HALF_EVEN) : null);
                    insert.setString(14, partners[random.nextInt(partners.length)]);
                    insert.setString(15, null);
                    insert.setString(16, i % 3 == 0 ? "INV/2026/" + (i / 3) : null);
                    insert.setObject(17, OffsetDateTime.of(2026, 11, 1, 12, 0, 0, 0, ZoneOffset.UTC));
                    insert.addBatch();
                    if ((i + 1) % 5000 == 0) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
                insert.executeBatch();
                c.commit();
            }
            if (db.equals("pg")) {
                c.setAutoCommit(true);
                try (Statement sql = c.createStatement()) {
                    sql.execute("VACUUM ANALYZE journal_line");
                }
            }
        }
        System.out.printf(Locale.ROOT, "filled %s with %d journal lines in %.1f s%n", db, rows,
                (System.nanoTime() - start) / 1e9);
    }

    static void run(String db, ExtractFormat format, Path out) throws Exception {
        Path definitions = Path.of(System.getProperty("extracts.dir", "sql/extracts"));
        ExtractDefinition reviewed = ExtractDefinitions.parse("gl-detail",
                Files.readAllBytes(definitions.resolve("gl-detail.sql")),
                Files.readAllBytes(definitions.resolve("gl-detail.yml")));
        ExtractDefinition definition = new ExtractDefinition(reviewed.name(), reviewed.kind(), reviewed.description(),
                reviewed.parameters(), reviewed.columns(), reviewed.sort(), List.of(format), reviewed.controlTotals(),
                reviewed.csvDelimiter(), reviewed.failWhenEmpty(), reviewed.emptyHint(), reviewed.sql(), reviewed.sha256());
        Path dir = out.resolve(db + "-" + format.name().toLowerCase(Locale.ROOT));
        Files.createDirectories(dir);
        try (var old = Files.list(dir)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        long start = System.nanoTime();
        long rows = 0;
        try (Connection connection = connect(db)) {
            SingleConnectionDataSource dataSource = new SingleConnectionDataSource(connection, true);
            ItemStreamReader<ExtractRow> reader = ExtractQuery.reader(dataSource, definition,
                    ExtractParameters.values(definition, PERIOD, AS_OF), CHUNK);
            ExtractFilesWriter writer = new ExtractFilesWriter(definition, dir, PERIOD.toString(), AS_OF,
                    ExtractParameters.display(definition, PERIOD, AS_OF), XLSX_WINDOW);
            ExecutionContext context = new ExecutionContext();
            reader.open(context);
            writer.open(context);
            try {
                Chunk<ExtractRow> chunk = new Chunk<>();
                ExtractRow row;
                while ((row = reader.read()) != null) {
                    chunk.add(row);
                    if (chunk.size() == CHUNK) {
                        writer.write(chunk);
                        rows += chunk.size();
                        chunk = new Chunk<>();
                    }
                }
                if (!chunk.isEmpty()) {
                    writer.write(chunk);
                    rows += chunk.size();
                }
                writer.update(context);
            } finally {
                reader.close();
                writer.close();
            }
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Path file = writer(dir, definition, format);
        System.out.printf(Locale.ROOT, "%s %s rows=%d seconds=%.2f rows_per_s=%.0f peak_heap_mb=%.1f max_heap_mb=%.0f"
                        + " file_mb=%.1f file=%s%n", db, format.name().toLowerCase(Locale.ROOT), rows, seconds,
                rows / seconds, peakHeap() / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0,
                Files.size(file) / 1048576.0, file);
    }

    private static Path writer(Path dir, ExtractDefinition definition, ExtractFormat format) {
        return dir.resolve(definition.fileName(PERIOD.toString(), format));
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

}
