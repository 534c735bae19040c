package io.finbatch.jobs.odooposting;

import io.finbatch.jobs.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Posting to the Odoo sandbox from the embedded default database. */
class OdooPostingH2FunctionalTests extends OdooPostingFunctionalTests {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
        odooProperties(registry);
    }
}
