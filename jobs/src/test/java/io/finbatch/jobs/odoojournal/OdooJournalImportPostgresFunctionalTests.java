package io.finbatch.jobs.odoojournal;

import io.finbatch.jobs.support.TestDatabases;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Importing Odoo journal items from the sandbox into a real PostgreSQL. */
@EnabledIf(value = "io.finbatch.jobs.support.TestDatabases#postgresAvailable",
        disabledReason = "PostgreSQL is not reachable on 127.0.0.1:5432 (CI starts it)")
class OdooJournalImportPostgresFunctionalTests extends OdooJournalImportFunctionalTests {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String url = TestDatabases.createPostgresDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> TestDatabases.PG_USER);
        registry.add("spring.datasource.password", () -> "");
        odooProperties(registry);
    }
}
