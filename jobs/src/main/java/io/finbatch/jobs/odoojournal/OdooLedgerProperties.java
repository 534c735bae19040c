package io.finbatch.jobs.odoojournal;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;

/**
 * Settings under {@code finbatch.odoo-ledger.}: which entity keeps its books in which Odoo company
 * ({@code companies.ACME-DE=1}), how many journal items one page (one transaction) holds, and how far before
 * the newest item seen each run reads again ({@code overlap}, default 10 minutes: late commits in Odoo).
 */
@ConfigurationProperties("finbatch.odoo-ledger")
public record OdooLedgerProperties(Map<String, Long> companies, int pageSize, Duration overlap) {

    public OdooLedgerProperties {
        companies = companies == null ? Map.of() : Map.copyOf(companies);
        if (pageSize <= 0) {
            pageSize = 500;
        }
        if (overlap == null || overlap.isNegative()) {
            overlap = Duration.ofMinutes(10);
        }
    }

    /** The Odoo company id of the entity; fails with the setting to add when there is none. */
    public long companyOf(String entity) {
        Long company = companies.get(entity);
        if (company == null) {
            throw new IllegalArgumentException("entity " + entity + " has no Odoo company: set finbatch.odoo-ledger."
                    + "companies." + entity + "=<res.company id>");
        }
        return company;
    }
}
