package io.finbatch.jobs.odooposting;

import io.finbatch.jobs.config.OdooProperties;
import io.finbatch.jobs.observability.MeteredOdooClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import io.finbatch.odoosandbox.OdooSandbox;
import io.finbatch.odoosandbox.SandboxOptions;
import io.finbatch.writers.odoo.OdooClient;
import io.finbatch.writers.odoo.OdooClients;
import io.finbatch.writers.odoo.OdooSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import io.finbatch.mappings.money.Iban;
import io.finbatch.mappings.money.Masking;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The Odoo client of this application, opened on first use. With {@code finbatch.odoo.url=sandbox} (the
 * default) it first starts the embedded Odoo sandbox on a loopback port and says so plainly: nothing is
 * posted to a real Odoo until a real URL is configured.
 */
@Component
public class OdooConnection implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OdooConnection.class);

    private final OdooProperties properties;
    private final ObjectProvider<MeterRegistry> meters;
    private OdooSandbox sandbox;
    private OdooClient client;

    public OdooConnection(OdooProperties properties, ObjectProvider<MeterRegistry> meters) {
        this.properties = properties;
        this.meters = meters;
    }

    public synchronized OdooClient client() {
        if (client == null) {
            OdooClient plain = OdooClients.create(settings());
            MeterRegistry registry = meters.getIfAvailable();
            client = registry == null ? plain : new MeteredOdooClient(plain, registry);
        }
        return client;
    }

    /** Where posting goes, for the command line to print. */
    public synchronized String describe() {
        client();
        return properties.usesSandbox()
                ? "the embedded Odoo sandbox at " + sandbox.url() + " (not a real Odoo; set FINBATCH_ODOO_URL for one)"
                : "Odoo at " + properties.url() + ", database " + properties.database();
    }

    private OdooSettings settings() {
        URI url;
        String database = properties.database();
        String login = properties.login();
        String apiKey = properties.apiKey();
        if (properties.usesSandbox()) {
            sandbox = startSandbox();
            url = sandbox.url();
            apiKey = SandboxOptions.DEFAULT_API_KEY;
            log.warn("posting to the embedded Odoo sandbox at {}: not a real Odoo", url);
        } else {
            url = URI.create(properties.url());
            if (apiKey == null || apiKey.isBlank()) {
                throw new IllegalStateException("finbatch.odoo.api-key is not set: put the API key of the Odoo user "
                        + login + " in FINBATCH_ODOO_API_KEY");
            }
        }
        return new OdooSettings(url, database, login, apiKey, properties.protocol(), properties.connectTimeout(),
                properties.readTimeout(), properties.maxRequestsPerSecond(), properties.maxAttempts(),
                properties.initialBackoff(), properties.maxBackoff());
    }

    /** The sandbox, with the configured sample bank journals and partners it does not have yet. */
    private OdooSandbox startSandbox() {
        SandboxOptions options = new SandboxOptions().database(properties.database()).login(properties.login());
        if (properties.sandboxData() != null) {
            options.stateFile(Path.of(properties.sandboxData()).resolve("odoo-sandbox-state.json"));
        }
        OdooSandbox started = OdooSandbox.start(options);
        int n = 0;
        for (String account : properties.sandboxBankAccounts()) {
            n++;
            String iban = Iban.normalize(account);
            if (started.searchRead("account.journal", List.of(List.of("bank_account_id.acc_number", "=", iban)),
                    List.of("id")).isEmpty()) {
                started.addBankJournal("Bank " + Masking.maskAccount(iban), "FB" + n, iban, "EUR");
            }
        }
        for (String partner : properties.sandboxPartners()) {
            if (started.searchRead("res.partner", List.of(List.of("name", "=", partner)), List.of("id")).isEmpty()) {
                started.call("res.partner", "create", List.of(Map.of("name", partner)), Map.of());
            }
        }
        return started;
    }

    @Override
    public synchronized void destroy() {
        if (client != null) {
            client.close();
        }
        if (sandbox != null) {
            sandbox.stop();
        }
    }
}
