package io.finbatch.jobs.statementdrop;

import io.finbatch.jobs.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The statement drop on the embedded default database. */
class StatementDropH2FunctionalTests extends StatementDropFunctionalTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
    }
}
