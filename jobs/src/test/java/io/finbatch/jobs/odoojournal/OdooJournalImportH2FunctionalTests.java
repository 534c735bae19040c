package io.finbatch.jobs.odoojournal;

import io.finbatch.jobs.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Importing Odoo journal items from the sandbox into the embedded default database. */
class OdooJournalImportH2FunctionalTests extends OdooJournalImportFunctionalTests {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String url = TestDatabases.h2Url();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "sa");
        odooProperties(registry);
    }
}
