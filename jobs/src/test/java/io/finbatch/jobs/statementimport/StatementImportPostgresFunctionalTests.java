package io.finbatch.jobs.statementimport;

import io.finbatch.jobs.support.OnPostgres;
import io.finbatch.jobs.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The statement import on a real PostgreSQL (a fresh database for this class). */
@OnPostgres
class StatementImportPostgresFunctionalTests extends StatementImportFunctionalTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.usePostgres(registry);
    }
}
