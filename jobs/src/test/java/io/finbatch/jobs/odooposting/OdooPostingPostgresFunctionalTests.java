package io.finbatch.jobs.odooposting;

import io.finbatch.jobs.support.OnPostgres;
import io.finbatch.jobs.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Posting to the Odoo sandbox from a real PostgreSQL. */
@OnPostgres
class OdooPostingPostgresFunctionalTests extends OdooPostingFunctionalTests {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabases.usePostgres(registry);
        odooProperties(registry);
    }
}
