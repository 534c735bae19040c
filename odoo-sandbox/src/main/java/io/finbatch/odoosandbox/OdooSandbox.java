package io.finbatch.odoosandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A fake Odoo server for tests and the default run: the part of Odoo's external API the product uses (JSON-RPC
 * {@code /jsonrpc} and, for 19, JSON-2 {@code /json/2/<model>/<method>}), answering with Odoo's shapes, errors and
 * statuses, over an in-memory accounting database. Loopback only.
 *
 * <pre>{@code
 * try (OdooSandbox odoo = OdooSandbox.start(new SandboxOptions())) {
 *     URI url = odoo.url();                       // http://127.0.0.1:<free port>
 *     odoo.faults().failNext(2, 503, Duration.ofSeconds(1));
 *     long journal = odoo.addBankJournal("Bank DE", "BNKDE", "DE89370400440532013000", "EUR");
 *     ... the client under test posts; then:
 *     odoo.count("account.bank.statement.line");
 * }
 * }</pre>
 */
public final class OdooSandbox implements AutoCloseable {

    /** The uid of the administrator, as {@code authenticate} answers it. */
    public static final long ADMIN_UID = 2L;

    private final SandboxOptions options;
    private final SandboxDatabase db;
    private final FaultInjector faults = new FaultInjector();
    private HttpServer server;
    private ExecutorService executor;

    private OdooSandbox(SandboxOptions options) {
        this.options = options;
        this.db = new SandboxDatabase(options);
        if (options.stateFile() != null && Files.exists(options.stateFile())) {
            try {
                db.load(Json.asMap(Json.parse(Files.readAllBytes(options.stateFile()))));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the sandbox state file " + options.stateFile(), e);
            }
        } else {
            db.reset();
        }
    }

    /** Starts a sandbox on 127.0.0.1 and the configured port (0: a free one). */
    public static OdooSandbox start(SandboxOptions options) {
        OdooSandbox sandbox = new OdooSandbox(options);
        sandbox.listen();
        return sandbox;
    }

    private void listen() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), options.port()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + options.port(), e);
        }
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread thread = new Thread(task, "odoo-sandbox-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        executor = Executors.newFixedThreadPool(8, threads);
        server.setExecutor(executor);
        server.createContext("/jsonrpc", new JsonRpcHandler(this));
        server.createContext("/json/2", new Json2Handler(this));
        ControlHandler control = new ControlHandler(this);
        server.createContext("/sandbox/", control);
        server.createContext("/web/version", control);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            ApiHandler.send(exchange, new ApiHandler.Reply(404, Map.of("Content-Type", "text/html; charset=utf-8"),
                    "<!doctype html><title>404 Not Found</title><h1>Not Found</h1>".getBytes(), false));
            exchange.close();
        });
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops listening and ends the sandbox's threads. */
    public void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public SandboxOptions options() {
        return options;
    }

    public FaultInjector faults() {
        return faults;
    }

    /** Back to the seed data (and the state file rewritten), faults cleared. */
    public void reset() {
        faults.clear();
        db.reset();
    }

    /** Number of records per model. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (ModelDef model : db.models()) {
            counts.put(model.name, (long) db.store(model.name).size());
        }
        return counts;
    }

    public long count(String model) {
        return requireModel(model).size();
    }

    /** All records of a model as {@code read} answers them (archived ones included). */
    public List<Map<String, Object>> records(String model) {
        requireModel(model);
        return searchRead(model, List.of("|", List.of("active", "=", true), List.of("active", "=", false)), null);
    }

    /** Records whose {@code ref} is the given one (journal entries, statement lines, partners). */
    public List<Map<String, Object>> findByRef(String model, String ref) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> rec : records(model)) {
            if (ref.equals(rec.get("ref"))) {
                out.add(rec);
            }
        }
        return out;
    }

    /** {@code search_read} as the administrator, without the API (for test assertions). */
    public List<Map<String, Object>> searchRead(String model, List<?> domain, List<String> fields) {
        List<Object> effective = new ArrayList<>(domain);
        if (db.model(model) != null && !db.model(model).hasActive) {
            effective.removeIf(item -> item instanceof List<?> leaf && "active".equals(leaf.get(0)));
            effective.removeIf("|"::equals);
        }
        Map<String, Object> kwargs = new HashMap<>();
        kwargs.put("domain", Json.normalize(effective));
        kwargs.put("fields", fields);
        kwargs.put("offset", 0L);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) db.call(db.env(null), model, "search_read",
                List.of(), kwargs).value();
        return rows;
    }

    /**
     * Calls a model method as {@code execute_kw} would (positional {@code args}, keyword {@code kwargs}), in one
     * transaction, e.g. to set a test up: {@code call("res.company", "write", List.of(List.of(1), Map.of(...)), Map.of())}.
     */
    public Object call(String model, String method, List<?> args, Map<String, ?> kwargs) {
        requireModel(model);
        Methods.Signature signature = Methods.lookup(model, method);
        if (signature == null) {
            throw OdooError.builtin("AttributeError", "The method '" + model + "." + method + "' does not exist");
        }
        List<Object> positional = Json.asList(Json.normalize(args));
        Map<String, Object> kw = new LinkedHashMap<>(Json.asMap(Json.normalize(kwargs)));
        Map<String, Object> context = Json.asMap(kw.remove("context"));
        List<Long> ids = List.of();
        if (!signature.apiModel()) {
            ids = Methods.ids(positional.get(0));
            positional = positional.subList(1, positional.size());
        }
        Map<String, Object> bound = Methods.bindPositional(signature, positional, kw);
        Object value = db.call(db.env(context), model, method, ids, bound).value();
        return "create".equals(method) && bound.get("vals_list") instanceof Map ? ((List<?>) value).get(0) : value;
    }

    /**
     * Seeds a bank journal whose bank account number is {@code accountNumber} (an IBAN), owned by the company's
     * partner, in {@code currencyCode} (its own currency when it differs from the company's), with a new liquidity
     * account and the company's suspense account. Returns the journal id.
     */
    public long addBankJournal(String name, String code, String accountNumber, String currencyCode) {
        return addBankJournal(name, code, accountNumber, currencyCode, 1L);
    }

    public long addBankJournal(String name, String code, String accountNumber, String currencyCode, long companyId) {
        return db.inTransaction(() -> {
            Env env = db.env(Map.of("allowed_company_ids", List.of(companyId)));
            Map<String, Object> company = db.record(Schema.COMPANY, companyId);
            Long currency = null;
            for (Map<String, Object> rec : db.store(Schema.CURRENCY).all()) {
                if (rec.get("name").equals(currencyCode)) {
                    currency = (Long) rec.get("id");
                }
            }
            if (currency == null) {
                throw new IllegalArgumentException("no currency " + currencyCode + " in the sandbox (EUR, USD)");
            }
            Map<String, Object> bank = new LinkedHashMap<>();
            bank.put("acc_number", accountNumber);
            bank.put("partner_id", company.get("partner_id"));
            long bankId = db.orm.create(env, Schema.PARTNER_BANK, bank);
            Map<String, Object> journal = new LinkedHashMap<>();
            journal.put("name", name);
            journal.put("code", code);
            journal.put("type", "bank");
            journal.put("company_id", companyId);
            journal.put("bank_account_id", bankId);
            if (!currency.equals(company.get("currency_id"))) {
                journal.put("currency_id", currency);
            }
            return db.orm.create(env, Schema.JOURNAL, journal);
        });
    }

    /** Marks a bank statement line reconciled (its suspense item moved to the receivable), as a user would in Odoo. */
    public void reconcileStatementLine(long statementLineId) {
        db.inTransaction(() -> {
            if (db.record(Schema.STATEMENT_LINE, statementLineId) == null) {
                throw OdooError.missing(Schema.STATEMENT_LINE, List.of(statementLineId));
            }
            SeedData.reconcile(db, statementLineId);
            return null;
        });
    }

    /** The whole database as the state file holds it. */
    public Map<String, Object> snapshot() {
        return db.snapshot();
    }

    SandboxDatabase database() {
        return db;
    }

    boolean credentialsValid(String login, Object secret) {
        return options.login().equals(login) && secret instanceof String s
                && (s.equals(options.password()) || options.apiKeys().contains(s));
    }

    boolean apiKeyValid(String key) {
        return options.apiKeys().contains(key);
    }

    private ModelStore requireModel(String model) {
        if (db.model(model) == null) {
            throw new IllegalArgumentException("the sandbox has no model " + model);
        }
        return db.store(model);
    }
}
