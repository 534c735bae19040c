package io.finbatch.jobs.security;

import io.finbatch.jobs.FinanceBatchApplication;
import io.finbatch.jobs.odooposting.OdooPostingService;
import io.finbatch.jobs.odooposting.PostingKinds;
import io.finbatch.jobs.odooposting.PostingRunResult;
import io.finbatch.jobs.statementimport.ImportResult;
import io.finbatch.jobs.statementimport.StatementImportService;
import io.finbatch.jobs.support.Examples;
import io.finbatch.jobs.support.TestDatabases;
import io.finbatch.mappings.money.Masking;
import io.finbatch.odoosandbox.OdooSandbox;
import io.finbatch.odoosandbox.SandboxOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real imports of the sample statements (and of broken copies: a skipped entry, a wrong balance, an
 * IBAN with a bad check digit) and their posting to the Odoo sandbox (through a 503 storm and a refused
 * key), with every log event at DEBUG and everything printed captured: no full IBAN or account number of
 * those files and no Odoo API key may appear anywhere. Masked forms are fine.
 */
@SpringBootTest(classes = FinanceBatchApplication.class, properties = "finbatch.import.transient-backoff=10ms")
class SecretsNeverLoggedTests {

    /** A key of this run only, accepted by the sandbox besides its default one. */
    static final String CONFIGURED_KEY = "fb-key-" + UUID.randomUUID().toString().replace("-", "");
    static final String DE_ACCOUNT = "DE89370400440532013000";
    static final String NL_ACCOUNT = "NL91ABNA0417164300";

    static OdooSandbox sandbox;

    @Autowired
    StatementImportService imports;

    @Autowired
    OdooPostingService posting;

    @Autowired
    Environment environment;

    @TempDir
    Path dir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
        sandbox = OdooSandbox.start(new SandboxOptions().seed(SandboxOptions.Seed.CHART_ONLY)
                .apiKeys(Set.of(SandboxOptions.DEFAULT_API_KEY, CONFIGURED_KEY)));
        registry.add("finbatch.odoo.url", () -> sandbox.url().toString());
        registry.add("finbatch.odoo.api-key", () -> CONFIGURED_KEY);
        registry.add("finbatch.odoo.max-attempts", () -> "4");
        registry.add("finbatch.odoo.initial-backoff", () -> "1ms");
        registry.add("finbatch.odoo.max-backoff", () -> "5ms");
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.stop();
    }

    @Test
    void importsAndPostingsNeverLogAnAccountNumberOrAnApiKey() {
        sandbox.addBankJournal("Bank DE", "BDE", DE_ACCOUNT, "EUR");
        sandbox.addBankJournal("Bank NL", "BNL", NL_ACCOUNT, "EUR");
        List<Path> files = List.of(Examples.file(Examples.INTRADAY_MT942), Examples.file(Examples.MT940),
                Examples.file(Examples.CAMT053), brokenEntry(), wrongBalance(), badCheckDigit());
        Set<String> secrets = new TreeSet<>();
        files.forEach(file -> secrets.addAll(SampleAccountNumbers.in(file)));
        secrets.add(SandboxOptions.DEFAULT_API_KEY);
        secrets.add(environment.getProperty("finbatch.odoo.api-key"));
        assertThat(secrets).as("secrets taken from the files and the configuration")
                .contains(DE_ACCOUNT, NL_ACCOUNT, "GB29NWBK60161331926819", "021000021-4471123", CONFIGURED_KEY);

        List<String> lines;
        List<ImportResult> imported = new ArrayList<>();
        List<PostingRunResult> posted = new ArrayList<>();
        try (CapturedOutput output = new CapturedOutput()) {
            files.forEach(file -> imported.add(imports.importFile(file)));
            sandbox.faults().unauthorizedNext(1);
            posted.add(posting.post(PostingKinds.STATEMENTS));
            sandbox.faults().failNext(2, 503);
            posted.add(posting.post(PostingKinds.STATEMENTS));
            lines = output.lines();
            assertThat(output.logEvents()).as("log events captured").isPositive();
        }

        assertThat(leaks(lines, secrets)).as("log or console lines with a secret in clear (shown masked)").isEmpty();
        assertThat(imported).extracting(ImportResult::status)
                .containsExactly("IMPORTED", "IMPORTED", "IMPORTED", "IMPORTED", "REJECTED", "REJECTED");
        assertThat(imported.get(3).skipped()).as("entries skipped from the broken copy").isPositive();
        assertThat(posted).extracting(PostingRunResult::status).containsExactly("FAILED", "COMPLETED");
        assertThat(posted.get(1).posted()).isPositive();
    }

    /** A leak at DEBUG in io.finbatch or on standard error is seen, so an empty result above means none. */
    @Test
    void aSecretLoggedAtDebugOrPrintedIsCaught() {
        List<String> lines;
        try (CapturedOutput output = new CapturedOutput()) {
            org.slf4j.LoggerFactory.getLogger("io.finbatch.jobs.security.probe").debug("account {}", DE_ACCOUNT);
            System.err.println("key " + CONFIGURED_KEY);
            lines = output.lines();
        }

        List<String> leaks = leaks(lines, Set.of(DE_ACCOUNT, CONFIGURED_KEY));
        assertThat(leaks).anyMatch(leak -> leak.contains("DEBUG io.finbatch.jobs.security.probe account DE89**"))
                .anyMatch(leak -> leak.contains("key fb-k**"))
                .noneMatch(leak -> leak.contains(DE_ACCOUNT) || leak.contains(CONFIGURED_KEY));
    }

    /** The lines holding a secret, with every secret masked so that the failure report leaks nothing. */
    private static List<String> leaks(List<String> lines, Set<String> secrets) {
        List<String> leaks = new ArrayList<>();
        for (String line : lines) {
            List<String> found = secrets.stream().filter(line::contains).toList();
            if (!found.isEmpty()) {
                String shown = line;
                for (String secret : secrets) {
                    shown = shown.replace(secret, Masking.maskAccount(secret));
                }
                leaks.add(found.stream().map(Masking::maskAccount).toList() + " in: "
                        + (shown.length() > 400 ? shown.substring(0, 400) + "..." : shown));
            }
        }
        return leaks;
    }

    /** The end-of-day MT940 with one :61: line that cannot be read: the entry is skipped with a snippet, the rest imported. */
    private Path brokenEntry() {
        return Examples.altered(Examples.MT940, dir, "broken-entry.mt940",
                text -> text.replace(":61:2610301030D3200,00NTRF", ":61:26103X1030D3200,00NTRF")
                        .replace(":20:STMT261030", ":20:STMT261030B")
                        .replace("EUR20844,66", "EUR24044,66")); // closing balance without the skipped debit
    }

    /** The camt.053 with a closing balance that does not add up: the file is rejected. */
    private Path wrongBalance() {
        return Examples.altered(Examples.CAMT053, dir, "wrong-balance.camt053.xml",
                text -> text.replaceFirst("59125\\.38", "59125.39"));
    }

    /** The camt.053 whose account IBAN has a wrong check digit: the file is rejected. */
    private Path badCheckDigit() {
        return Examples.altered(Examples.CAMT053, dir, "bad-check-digit.camt053.xml",
                text -> text.replace("<IBAN>" + NL_ACCOUNT + "</IBAN></Id>\n        <Ccy>",
                        "<IBAN>NL92ABNA0417164300</IBAN></Id>\n        <Ccy>"));
    }
}
