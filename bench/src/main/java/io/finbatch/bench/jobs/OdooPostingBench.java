package io.finbatch.bench.jobs;

import io.finbatch.mappings.money.Iban;
import io.finbatch.odoosandbox.OdooSandbox;
import io.finbatch.odoosandbox.SandboxOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Posting staged statement lines to the Odoo sandbox with a fixed latency per call, side by side with the
 * sandbox's own maximum. For each batch size ({@code finbatch.odoo.batch-size}): a fresh PostgreSQL database,
 * the application on it, a generated statement file imported, the staged lines cut to the run's record count;
 * then, interleaved, {@code runs} times:
 * <ul>
 * <li><b>ours</b>: the sandbox emptied (bank journals re-added), our outbox emptied, and
 * {@code OdooPostingService.post("statements")} timed: the whole {@code odooPosting} job;</li>
 * <li><b>sandbox maximum</b> (anchor): the sandbox emptied again, and the same records sent as the same number of
 * {@code create} calls with the same number of records each, straight to the sandbox's JSON-2 endpoint with the
 * JDK's HTTP client, one after the other; the request bodies are built before the clock starts (the field values
 * our posting sends, from the same staged rows), so the time is the sandbox's handling plus its latency.</li>
 * </ul>
 * <pre>
 *   java -cp bench/target/finance-batch-bench.jar io.finbatch.bench.jobs.OdooPostingBench FILE [--runs N]
 *       [--latency-ms 5] [--batches 1:300,10:2000,100:5000,500:5000] [--delayed-ack]
 * </pre>
 * {@code --batches} is batch size:records, the records per run at that batch size.
 */
public final class OdooPostingBench {

    static final String PG_DB = "finbatch_bench_posting";
    static final String LINE_MODEL = "account.bank.statement.line";

    private OdooPostingBench() {
    }

    record Run(String contender, int batchSize, long records, long calls, CpuClock.Spent spent) {
        double recordsPerSecond() {
            return records / spent.wallSeconds();
        }
    }

    public static void main(String[] args) throws Exception {
        // The sandbox is the JDK's HttpServer, which writes a response's headers and body in two packets; without
        // TCP_NODELAY the second waits for the client's delayed ACK, about 40 ms on Linux, on every call. That stall
        // is the test server's, not Odoo's: it is turned off so that the latency per call is the 5 ms asked for
        // (--delayed-ack keeps the JDK's default, to see the difference). Read when the server class loads.
        List<String> rest = new ArrayList<>(List.of(args));
        if (!rest.remove("--delayed-ack")) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        int runs = Integer.parseInt(option(rest, "--runs", "5"));
        long latencyMs = Long.parseLong(option(rest, "--latency-ms", "5"));
        String batches = option(rest, "--batches", "1:300,10:2000,100:5000,500:5000");
        if (rest.size() != 1) {
            System.err.println("usage: OdooPostingBench FILE [--runs N] [--latency-ms MS] [--batches B:N,...]");
            System.exit(2);
        }
        Path file = Path.of(rest.get(0)).toAbsolutePath();
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%n%s, sandbox latency %d ms per call, %d runs (median [min - max])%n%n",
                file.getFileName(), latencyMs, runs));
        table.append("| batch size | records | contender | records/s | × sandbox max | seconds | calls | JVM CPU s"
                + " | PostgreSQL backend CPU s | other processes' CPU s |\n|---|---|---|---|---|---|---|---|---|---|\n");
        OdooSandbox sandbox = OdooSandbox.start(new SandboxOptions().seed(SandboxOptions.Seed.CHART_ONLY));
        try {
            for (String pair : batches.split(",")) {
                String[] bn = pair.split(":");
                int batchSize = Integer.parseInt(bn[0]);
                int records = Integer.parseInt(bn[1]);
                List<Run> ours = new ArrayList<>();
                List<Run> anchor = new ArrayList<>();
                measure(sandbox, file, batchSize, records, runs, Duration.ofMillis(latencyMs), ours, anchor);
                double max = Stats.median(Stats.of(anchor, Run::recordsPerSecond));
                for (List<Run> rows : List.of(ours, anchor)) {
                    double[] rates = Stats.of(rows, Run::recordsPerSecond);
                    table.append(String.format(Locale.ROOT, "| %d | %,d | %s | %s | %.2f× | %s | %d | %s | %s | %s |%n",
                            batchSize, records, rows.get(0).contender(), Stats.spread(rates, "%,.0f"),
                            Stats.median(rates) / max,
                            Stats.spread(Stats.of(rows, r -> r.spent().wallSeconds()), "%.2f"),
                            rows.get(0).calls(),
                            Stats.spread(Stats.of(rows, r -> r.spent().jvmCpuSeconds()), "%.2f"),
                            Stats.spread(Stats.of(rows, r -> r.spent().watchedCpuSeconds()), "%.2f"),
                            Stats.spread(Stats.of(rows, r -> r.spent().otherCpuSeconds()), "%.2f")));
                }
            }
        } finally {
            sandbox.stop();
            ScratchPostgres.drop(PG_DB);
        }
        System.out.print(table);
    }

    static void measure(OdooSandbox sandbox, Path file, int batchSize, int records, int runs, Duration latency,
            List<Run> ours, List<Run> anchor) throws Exception {
        ScratchPostgres.recreate(PG_DB);
        sandbox.faults().clear();
        sandbox.reset();
        Map<String, String> properties = Map.of(
                "finbatch.odoo.url", sandbox.url().toString(),
                "finbatch.odoo.api-key", SandboxOptions.DEFAULT_API_KEY,
                "finbatch.odoo.batch-size", Integer.toString(batchSize));
        try (ConfigurableApplicationContext context = ApplicationContexts.start(ScratchPostgres.url(PG_DB),
                ScratchPostgres.user(), properties)) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            Map<String, Object> imported = ApplicationContexts.importFile(context, file);
            if (!"IMPORTED".equals(imported.get("status")) || (Long) imported.get("linesImported") < records) {
                throw new IllegalStateException("the file does not stage " + records + " lines: " + imported);
            }
            Long firstId = jdbc.queryForObject("SELECT MIN(id) FROM statement_line", Long.class);
            jdbc.update("DELETE FROM statement_line WHERE id >= ?", firstId + records);
            List<String> accounts = jdbc.queryForList("SELECT DISTINCT account_key FROM statement_line"
                    + " ORDER BY account_key", String.class);
            for (int run = 1; run <= runs; run++) {
                // ours
                Map<String, Long> journals = freshSandbox(sandbox, accounts, latency);
                jdbc.update("DELETE FROM odoo_outbox");
                List<Integer> backends = ScratchPostgres.backends(PG_DB);
                Map<String, Long> callsBefore = apiCalls(context);
                CpuClock clock = new CpuClock(backends);
                Map<String, Object> result = ApplicationContexts.post(context, "statements");
                CpuClock.Spent spent = clock.stop(ScratchPostgres.backends(PG_DB));
                Map<String, Long> callsByMethod = minus(apiCalls(context), callsBefore);
                long calls = callsByMethod.values().stream().mapToLong(Long::longValue).sum();
                if (!"COMPLETED".equals(result.get("status")) || (Long) result.get("posted") != records
                        || sandbox.count(LINE_MODEL) != records) {
                    throw new IllegalStateException("posting did not create " + records + " lines once: " + result
                            + ", sandbox has " + sandbox.count(LINE_MODEL));
                }
                ours.add(new Run("ours: OdooPostingService.post(\"statements\")", batchSize, records, calls, spent));
                // the sandbox's maximum for the same creates
                journals = freshSandbox(sandbox, accounts, latency);
                List<byte[]> bodies = createBodies(jdbc, journals, currencies(sandbox), keyField(sandbox), batchSize);
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                URI create = sandbox.url().resolve("/json/2/" + LINE_MODEL + "/create");
                CpuClock direct = new CpuClock(List.of());
                for (byte[] body : bodies) {
                    HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(create)
                            .header("Authorization", "bearer " + SandboxOptions.DEFAULT_API_KEY)
                            .header("X-Odoo-Database", sandbox.options().database())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    if (answer.statusCode() != 200) {
                        throw new IllegalStateException("the sandbox answered " + answer.statusCode() + ": "
                                + new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
                CpuClock.Spent directSpent = direct.stop(List.of());
                if (sandbox.count(LINE_MODEL) != records) {
                    throw new IllegalStateException("direct creates made " + sandbox.count(LINE_MODEL) + " lines");
                }
                anchor.add(new Run("sandbox maximum: " + bodies.size() + " direct creates", batchSize, records,
                        bodies.size(), directSpent));
                System.err.printf(Locale.ROOT, "batch %d run %d: ours %.2f s (%d calls: %s), direct %.2f s (%d calls)%n",
                        batchSize, run, spent.wallSeconds(), calls, callsByMethod, directSpent.wallSeconds(),
                        bodies.size());
            }
        }
    }

    /** Empties the sandbox and gives it a bank journal per staged account; the journal ids by account. */
    static Map<String, Long> freshSandbox(OdooSandbox sandbox, List<String> accounts, Duration latency) {
        sandbox.faults().clear();
        sandbox.reset();
        Map<String, Long> journals = new HashMap<>();
        int n = 0;
        for (String account : accounts) {
            n++;
            journals.put(account, sandbox.addBankJournal("Bank " + n, "B" + n, Iban.normalize(account), "EUR"));
        }
        sandbox.faults().latency(latency);
        return journals;
    }

    /** The Odoo calls our client made so far, by method (the application's {@code finbatch.odoo.calls} timer). */
    static Map<String, Long> apiCalls(ConfigurableApplicationContext context) {
        Map<String, Long> calls = new java.util.TreeMap<>();
        for (Timer timer : context.getBean(MeterRegistry.class).find("finbatch.odoo.calls").timers()) {
            calls.merge(timer.getId().getTag("method"), timer.count(), Long::sum);
        }
        return calls;
    }

    static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> made = new java.util.TreeMap<>();
        after.forEach((method, count) -> {
            long n = count - before.getOrDefault(method, 0L);
            if (n > 0) {
                made.put(method, n);
            }
        });
        return made;
    }

    /** The sandbox's currencies by ISO code (our posting sends a foreign currency only when Odoo has it). */
    static Map<String, Long> currencies(OdooSandbox sandbox) {
        Map<String, Long> ids = new HashMap<>();
        for (Map<String, Object> currency : sandbox.searchRead("res.currency", List.of(), List.of("name"))) {
            ids.put((String) currency.get("name"), ((Number) currency.get("id")).longValue());
        }
        return ids;
    }

    static String keyField(OdooSandbox sandbox) {
        return sandbox.options().withUniqueImportIdField() ? "unique_import_id" : "ref";
    }

    /** JSON-2 {@code create} bodies of {@code batchSize} records each, with the values our posting sends. */
    static List<byte[]> createBodies(JdbcTemplate jdbc, Map<String, Long> journals, Map<String, Long> currencies,
            String keyField, int batchSize) {
        List<Map<String, Object>> all = new ArrayList<>();
        jdbc.query("SELECT unique_import_id, account_key, booking_date, value_date, amount, currency,"
                + " counterparty_name, counterparty_iban, counterparty_other, remittance, structured_reference,"
                + " end_to_end_id, original_amount, original_currency FROM statement_line ORDER BY id", rs -> {
                    Map<String, Object> values = new LinkedHashMap<>();
                    values.put("journal_id", journals.get(rs.getString("account_key")));
                    Date date = rs.getDate("booking_date") != null ? rs.getDate("booking_date") : rs.getDate("value_date");
                    values.put("date", date.toLocalDate().toString());
                    String ref = firstNonNull(rs.getString("remittance"), rs.getString("structured_reference"),
                            rs.getString("end_to_end_id"), "/");
                    values.put("payment_ref", ref);
                    values.put("amount", rs.getBigDecimal("amount"));
                    putIfPresent(values, "partner_name", rs.getString("counterparty_name"));
                    putIfPresent(values, "account_number", rs.getString("counterparty_iban") != null
                            ? rs.getString("counterparty_iban") : rs.getString("counterparty_other"));
                    String originalCurrency = rs.getString("original_currency");
                    BigDecimal original = rs.getBigDecimal("original_amount");
                    if (originalCurrency != null && currencies.containsKey(originalCurrency) && original != null
                            && !originalCurrency.equals(rs.getString("currency"))) {
                        values.put("foreign_currency_id", currencies.get(originalCurrency));
                        values.put("amount_currency", rs.getBigDecimal("amount").signum() < 0
                                ? original.abs().negate() : original.abs());
                    }
                    values.put(keyField, "FB-L-" + rs.getString("unique_import_id"));
                    all.add(values);
                });
        List<byte[]> bodies = new ArrayList<>();
        for (int from = 0; from < all.size(); from += batchSize) {
            StringBuilder json = new StringBuilder("{\"vals_list\":[");
            for (int i = from; i < Math.min(all.size(), from + batchSize); i++) {
                if (i > from) {
                    json.append(',');
                }
                object(json, all.get(i));
            }
            json.append("]}");
            bodies.add(json.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return bodies;
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static void putIfPresent(Map<String, Object> values, String key, Object value) {
        if (value != null) {
            values.put(key, value);
        }
    }

    private static void object(StringBuilder json, Map<String, Object> values) {
        json.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            string(json, e.getKey());
            json.append(':');
            Object v = e.getValue();
            if (v instanceof BigDecimal d) {
                json.append(d.toPlainString());
            } else if (v instanceof Number n) {
                json.append(n);
            } else {
                string(json, String.valueOf(v));
            }
        }
        json.append('}');
    }

    private static void string(StringBuilder json, String s) {
        json.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    private static String option(List<String> args, String name, String fallback) {
        int at = args.indexOf(name);
        if (at < 0) {
            return fallback;
        }
        String value = args.get(at + 1);
        args.subList(at, at + 2).clear();
        return value;
    }
}
