package io.finbatch.odoosandbox;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * How to start an {@link OdooSandbox}. Mutable, fluent: {@code new SandboxOptions().port(8069).serverVersion("17.0")}.
 * The API keys are secrets of the test: {@link #toString()} masks them.
 */
public final class SandboxOptions {

    /** The key a sandbox accepts when none is given. */
    public static final String DEFAULT_API_KEY = "sandbox-api-key-0123456789abcdef";

    /** Which records a fresh sandbox starts with. */
    public enum Seed {
        /**
         * Like the recorded Odoo 19.0 database: two companies, the generic chart, journals, and the entries that
         * existed before the recordings (four unreconciled bank statement lines of October 2026, posted November
         * entries), with the id counters where the recorded server had them.
         */
        RECORDED,
        /** Companies, currencies, chart of accounts, journals and partners only: no journal entries. */
        CHART_ONLY
    }

    private int port;
    private String database = "finance";
    private String login = "admin";
    private String password = "admin";
    private final Set<String> apiKeys = new LinkedHashSet<>(Set.of(DEFAULT_API_KEY));
    private String serverVersion = "19.0";
    private Path stateFile;
    private boolean withUniqueImportIdField;
    private Seed seed = Seed.RECORDED;
    private Clock clock = Clock.systemUTC();

    /** 0 (the default) picks a free port. The sandbox always binds 127.0.0.1. */
    public SandboxOptions port(int port) {
        this.port = port;
        return this;
    }

    public SandboxOptions database(String database) {
        this.database = database;
        return this;
    }

    public SandboxOptions login(String login) {
        this.login = login;
        return this;
    }

    public SandboxOptions password(String password) {
        this.password = password;
        return this;
    }

    /** Replaces the accepted API keys. */
    public SandboxOptions apiKeys(Set<String> keys) {
        this.apiKeys.clear();
        this.apiKeys.addAll(keys);
        return this;
    }

    /** "19.0" (default), "18.0" or "17.0": below 19 JSON-2 is not served and the lock-date fields follow that version. */
    public SandboxOptions serverVersion(String serverVersion) {
        if (!serverVersion.matches("(17|18|19)\\.0")) {
            throw new IllegalArgumentException("supported server versions: 17.0, 18.0, 19.0");
        }
        this.serverVersion = serverVersion;
        return this;
    }

    /** A JSON snapshot loaded at start (when it exists) and rewritten after every committing call. */
    public SandboxOptions stateFile(Path stateFile) {
        this.stateFile = stateFile;
        return this;
    }

    /** Adds {@code unique_import_id} to bank statement lines (unique), as OCA's statement import modules do. */
    public SandboxOptions withUniqueImportIdField(boolean enabled) {
        this.withUniqueImportIdField = enabled;
        return this;
    }

    public SandboxOptions seed(Seed seed) {
        this.seed = seed;
        return this;
    }

    /** The clock "today" comes from (default dates, the lock-date rule). */
    public SandboxOptions clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    public String login() {
        return login;
    }

    String password() {
        return password;
    }

    Set<String> apiKeys() {
        return Set.copyOf(apiKeys);
    }

    public String serverVersion() {
        return serverVersion;
    }

    public int majorVersion() {
        return Integer.parseInt(serverVersion.substring(0, serverVersion.indexOf('.')));
    }

    public boolean json2Served() {
        return majorVersion() >= 19;
    }

    public Path stateFile() {
        return stateFile;
    }

    public boolean withUniqueImportIdField() {
        return withUniqueImportIdField;
    }

    public Seed seed() {
        return seed;
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "SandboxOptions[port=" + port + ", database=" + database + ", login=" + login + ", password=****, apiKeys="
                + apiKeys.size() + " (masked), serverVersion=" + serverVersion + ", stateFile=" + stateFile
                + ", withUniqueImportIdField=" + withUniqueImportIdField + ", seed=" + seed + "]";
    }
}
