package io.finbatch.jobs.consolidation;

import io.finbatch.jobs.support.OnPostgres;
import io.finbatch.jobs.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@OnPostgres
class ConsolidationPostgresFunctionalTests extends ConsolidationFunctionalTests {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabases.usePostgres(registry);
        groupProperties(registry);
    }
}
