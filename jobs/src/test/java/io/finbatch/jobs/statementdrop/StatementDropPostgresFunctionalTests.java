package io.finbatch.jobs.statementdrop;

import io.finbatch.jobs.support.OnPostgres;
import io.finbatch.jobs.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The statement drop on a real PostgreSQL (a fresh database for this class). */
@OnPostgres
class StatementDropPostgresFunctionalTests extends StatementDropFunctionalTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.usePostgres(registry);
    }
}
