package io.finbatch.odoosandbox;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a sandbox until the process is stopped:
 * {@code java -cp ... io.finbatch.odoosandbox.OdooSandboxMain --port 8069 --data DIR}.
 *
 * <p>Options: {@code --port N} (8069; 0 for a free one), {@code --data DIR} (keeps the records in
 * {@code DIR/odoo-sandbox-state.json} across runs), {@code --version 19.0|18.0|17.0}, {@code --database NAME},
 * {@code --login LOGIN}, {@code --password PASSWORD}, {@code --api-key KEY} (repeatable; else
 * {@code ODOO_SANDBOX_API_KEY} from the environment, else {@link SandboxOptions#DEFAULT_API_KEY}),
 * {@code --seed recorded|chart}, {@code --with-unique-import-id}. Keys are never printed.
 */
public final class OdooSandboxMain {

    private OdooSandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SandboxOptions options = new SandboxOptions().port(8069);
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--port" -> options.port(Integer.parseInt(args[++i]));
                case "--data" -> options.stateFile(Path.of(args[++i]).resolve("odoo-sandbox-state.json"));
                case "--version" -> options.serverVersion(args[++i]);
                case "--database" -> options.database(args[++i]);
                case "--login" -> options.login(args[++i]);
                case "--password" -> options.password(args[++i]);
                case "--api-key" -> keys.add(args[++i]);
                case "--seed" -> options.seed("chart".equals(args[++i]) ? SandboxOptions.Seed.CHART_ONLY
                        : SandboxOptions.Seed.RECORDED);
                case "--with-unique-import-id" -> options.withUniqueImportIdField(true);
                case "--help" -> {
                    System.err.println("usage: OdooSandboxMain [--port N] [--data DIR] [--version 19.0|18.0|17.0] "
                            + "[--database NAME] [--login LOGIN] [--password PASSWORD] [--api-key KEY]... "
                            + "[--seed recorded|chart] [--with-unique-import-id]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + arg + " (--help)");
            }
        }
        String envKey = System.getenv("ODOO_SANDBOX_API_KEY");
        if (keys.isEmpty() && envKey != null && !envKey.isBlank()) {
            keys.add(envKey);
        }
        if (!keys.isEmpty()) {
            options.apiKeys(keys);
        }
        OdooSandbox sandbox = OdooSandbox.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.stop();
            stopped.countDown();
        }, "odoo-sandbox-shutdown"));
        System.err.println("Odoo sandbox " + options.serverVersion() + " listening on " + sandbox.url() + " (database "
                + options.database() + ", login " + options.login() + ", " + options.apiKeys().size() + " API key(s)"
                + (options.stateFile() == null ? "" : ", state " + options.stateFile()) + ")");
        stopped.await();
    }
}
