package io.finbatch.bench.jobs;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Statement import end to end, side by side with its limit: {@code StatementImportService.importFile} (the
 * {@code statementImport} job: register, validate, stage in chunks, complete) of one file into a fresh
 * PostgreSQL database, then {@code COPY statement_line (...) FROM STDIN} of exactly the rows that import staged
 * into another fresh database of the same schema (the anchor), then the same import into a fresh H2 file
 * database. Interleaved, one JVM, {@code --runs} times; a Markdown table on stdout.
 * <pre>
 *   java -cp bench/target/finance-batch-bench.jar io.finbatch.bench.jobs.StatementImportBench FILE [--runs N]
 * </pre>
 * Times are of the measured call only (the application context and its Flyway migration are started before).
 * CPU: this JVM's (H2 runs inside it), the PostgreSQL backends' serving the database ({@code /proc/PID/stat}),
 * and the rest of the machine ("other").
 */
public final class StatementImportBench {

    static final String PG_IMPORT_DB = "finbatch_bench_import";
    static final String PG_COPY_DB = "finbatch_bench_copy";
    /** The columns the staging writer inserts, in its order. */
    static final String LINE_COLUMNS = "unique_import_id, bank_statement_id, account_key, booking_date, value_date,"
            + " amount, currency, reversal, bank_reference, customer_reference, end_to_end_id, batch_reference,"
            + " counterparty_name, counterparty_iban, counterparty_other, counterparty_bic, remittance,"
            + " structured_reference, tx_domain, tx_family, tx_sub_family, tx_proprietary, tx_swift, original_amount,"
            + " original_currency, exchange_rate, raw_information, source_location, imported_at";

    private StatementImportBench() {
    }

    record Run(String contender, long lines, CpuClock.Spent spent) {
        double linesPerSecond() {
            return lines / spent.wallSeconds();
        }
    }

    /** What an import staged, dumped in PostgreSQL's COPY text format. */
    record Staged(byte[] files, byte[] statements, byte[] lines, long lineCount) {
    }

    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(List.of(args));
        int runs = 5;
        int at = rest.indexOf("--runs");
        if (at >= 0) {
            runs = Integer.parseInt(rest.get(at + 1));
            rest.subList(at, at + 2).clear();
        }
        boolean skipH2 = rest.remove("--no-h2");
        if (rest.size() != 1) {
            System.err.println("usage: StatementImportBench FILE [--runs N] [--no-h2]");
            System.exit(2);
        }
        Path file = Path.of(rest.get(0)).toAbsolutePath();
        Files.readAllBytes(file); // into the page cache before the first run
        List<Run> ours = new ArrayList<>();
        List<Run> copy = new ArrayList<>();
        List<Run> h2 = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            Staged staged = importIntoPostgres(file, ours);
            copyIntoPostgres(staged, copy);
            if (!skipH2) {
                importIntoH2(file, h2);
            }
            System.err.printf(Locale.ROOT, "run %d: %s%n", i, last(ours, copy, h2));
        }
        ScratchPostgres.drop(PG_IMPORT_DB);
        ScratchPostgres.drop(PG_COPY_DB);
        System.out.print(table(file, ours, copy, h2));
    }

    private static String last(List<Run> ours, List<Run> copy, List<Run> h2) {
        StringBuilder s = new StringBuilder();
        for (List<Run> runs : List.of(ours, copy, h2)) {
            if (!runs.isEmpty()) {
                Run r = runs.get(runs.size() - 1);
                s.append(String.format(Locale.ROOT, "%s %d lines %.2f s (jvm %.2f, pg %.2f, other %.2f); ",
                        r.contender(), r.lines(), r.spent().wallSeconds(), r.spent().jvmCpuSeconds(),
                        r.spent().watchedCpuSeconds(), r.spent().otherCpuSeconds()));
            }
        }
        return s.toString();
    }

    static Staged importIntoPostgres(Path file, List<Run> runs) throws Exception {
        ScratchPostgres.recreate(PG_IMPORT_DB);
        try (ConfigurableApplicationContext context = ApplicationContexts.start(ScratchPostgres.url(PG_IMPORT_DB),
                ScratchPostgres.user(), Map.of())) {
            CpuClock clock = new CpuClock(ScratchPostgres.backends(PG_IMPORT_DB));
            Map<String, Object> result = ApplicationContexts.importFile(context, file);
            CpuClock.Spent spent = clock.stop(ScratchPostgres.backends(PG_IMPORT_DB));
            check(result);
            runs.add(new Run("ours, PostgreSQL", lines(result), spent));
            try (Connection c = context.getBean(DataSource.class).getConnection()) {
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                Staged staged = new Staged(
                        dump(copy, "COPY statement_file TO STDOUT"),
                        dump(copy, "COPY bank_statement TO STDOUT"),
                        dump(copy, "COPY (SELECT " + LINE_COLUMNS + " FROM statement_line ORDER BY id) TO STDOUT"),
                        lines(result));
                return staged;
            }
        }
    }

    static void copyIntoPostgres(Staged staged, List<Run> runs) throws Exception {
        ScratchPostgres.recreate(PG_COPY_DB);
        ScratchPostgres.migrate(PG_COPY_DB);
        try (Connection c = DriverManager.getConnection(ScratchPostgres.url(PG_COPY_DB), ScratchPostgres.user(), "")) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            // the file and statement rows the lines refer to, untimed
            copy.copyIn("COPY statement_file FROM STDIN", new ByteArrayInputStream(staged.files()));
            copy.copyIn("COPY bank_statement FROM STDIN", new ByteArrayInputStream(staged.statements()));
            CpuClock clock = new CpuClock(ScratchPostgres.backends(PG_COPY_DB));
            long rows = copy.copyIn("COPY statement_line (" + LINE_COLUMNS + ") FROM STDIN",
                    new ByteArrayInputStream(staged.lines()));
            CpuClock.Spent spent = clock.stop(ScratchPostgres.backends(PG_COPY_DB));
            if (rows != staged.lineCount()) {
                throw new IllegalStateException("COPY wrote " + rows + " rows, the import staged " + staged.lineCount());
            }
            runs.add(new Run("COPY, PostgreSQL", rows, spent));
        }
    }

    static void importIntoH2(Path file, List<Run> runs) throws Exception {
        Path dir = ApplicationContexts.target().resolve("jobs-bench/h2");
        deleteRecursively(dir);
        String url = "jdbc:h2:file:" + dir.resolve("finbatch") + ";DB_CLOSE_ON_EXIT=FALSE";
        try (ConfigurableApplicationContext context = ApplicationContexts.start(url, "sa", Map.of())) {
            CpuClock clock = new CpuClock(List.of());
            Map<String, Object> result = ApplicationContexts.importFile(context, file);
            CpuClock.Spent spent = clock.stop(List.of());
            check(result);
            runs.add(new Run("ours, H2 file", lines(result), spent));
        }
    }

    private static long lines(Map<String, Object> result) {
        return (Long) result.get("linesImported");
    }

    private static void check(Map<String, Object> result) {
        if (!"IMPORTED".equals(result.get("status")) || (Long) result.get("duplicates") != 0
                || (Long) result.get("skipped") != 0) {
            throw new IllegalStateException("the import did not stage every line once: " + result);
        }
    }

    private static byte[] dump(CopyManager copy, String sql) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        copy.copyOut(sql, out);
        return out.toByteArray();
    }

    static String table(Path file, List<Run> ours, List<Run> copy, List<Run> h2) {
        double copyRate = Stats.median(Stats.of(copy, Run::linesPerSecond));
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%n%s: %,d lines staged, %d runs (median [min - max])%n%n",
                file.getFileName(), ours.get(0).lines(), ours.size()));
        s.append("| contender | lines/s | × COPY | seconds | JVM CPU s | PostgreSQL backend CPU s | other processes' CPU s |\n");
        s.append("|---|---|---|---|---|---|---|\n");
        for (List<Run> runs : List.of(ours, copy, h2)) {
            if (runs.isEmpty()) {
                continue;
            }
            double[] rates = Stats.of(runs, Run::linesPerSecond);
            s.append(String.format(Locale.ROOT, "| %s | %s | %.2f× | %s | %s | %s | %s |%n", runs.get(0).contender(),
                    Stats.spread(rates, "%,.0f"), Stats.median(rates) / copyRate,
                    Stats.spread(Stats.of(runs, r -> r.spent().wallSeconds()), "%.2f"),
                    Stats.spread(Stats.of(runs, r -> r.spent().jvmCpuSeconds()), "%.2f"),
                    runs == h2 ? "–" : Stats.spread(Stats.of(runs, r -> r.spent().watchedCpuSeconds()), "%.2f"),
                    Stats.spread(Stats.of(runs, r -> r.spent().otherCpuSeconds()), "%.2f")));
        }
        s.append("\nseconds per run: ");
        for (List<Run> runs : List.of(ours, copy, h2)) {
            if (!runs.isEmpty()) {
                s.append(runs.get(0).contender()).append(": ")
                        .append(Stats.all(Stats.of(runs, r -> r.spent().wallSeconds()), "%.2f")).append("; ");
            }
        }
        return s.append('\n').toString();
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
