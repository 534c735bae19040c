package io.finbatch.jobs.config;

import io.finbatch.writers.odoo.OdooProtocol;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code finbatch.odoo.*}: where to post. {@code url} {@value #SANDBOX} (the default) starts the embedded
 * Odoo sandbox; a real Odoo is {@code FINBATCH_ODOO_URL}, {@code FINBATCH_ODOO_DATABASE},
 * {@code FINBATCH_ODOO_LOGIN} and {@code FINBATCH_ODOO_API_KEY} (from the environment, never a file in git).
 *
 * @param journals             bank journal code per IBAN, for Odoo journals whose bank account is not set
 * @param sandboxBankAccounts  accounts the embedded sandbox gets a bank journal for (the sample accounts)
 * @param sandboxPartners      partners the embedded sandbox gets (those of the sample entries)
 */
@ConfigurationProperties("finbatch.odoo")
public record OdooProperties(String url, String database, String login, String apiKey, OdooProtocol protocol,
        Duration connectTimeout, Duration readTimeout, double maxRequestsPerSecond, int maxAttempts,
        Duration initialBackoff, Duration maxBackoff, int batchSize, String sandboxData,
        Map<String, String> journals, List<String> sandboxBankAccounts, List<String> sandboxPartners) {

    public static final String SANDBOX = "sandbox";

    public OdooProperties {
        url = url == null || url.isBlank() ? SANDBOX : url;
        protocol = protocol == null ? OdooProtocol.AUTO : protocol;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(60) : readTimeout;
        maxAttempts = maxAttempts <= 0 ? 5 : maxAttempts;
        initialBackoff = initialBackoff == null ? Duration.ofMillis(500) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(30) : maxBackoff;
        batchSize = batchSize <= 0 ? 100 : batchSize;
        journals = journals == null ? Map.of() : Map.copyOf(journals);
        sandboxBankAccounts = sandboxBankAccounts == null ? List.of() : List.copyOf(sandboxBankAccounts);
        sandboxPartners = sandboxPartners == null ? List.of() : List.copyOf(sandboxPartners);
    }

    public boolean usesSandbox() {
        return SANDBOX.equalsIgnoreCase(url);
    }

    @Override
    public String toString() {
        return "OdooProperties[url=" + url + ", database=" + database + ", login=" + login + ", apiKey="
                + (apiKey == null || apiKey.isEmpty() ? "(none)" : "****") + ", protocol=" + protocol
                + ", batchSize=" + batchSize + "]";
    }
}
