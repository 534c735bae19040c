package io.finbatch.jobs.close;

import io.finbatch.jobs.support.OnPostgres;
import io.finbatch.jobs.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The month-end close on a real PostgreSQL. */
@OnPostgres
class MonthEndClosePostgresFunctionalTests extends MonthEndCloseFunctionalTests {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabases.usePostgres(registry);
        closeProperties(registry);
    }
}
