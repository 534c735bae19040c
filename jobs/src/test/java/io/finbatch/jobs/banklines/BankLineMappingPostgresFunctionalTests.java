package io.finbatch.jobs.banklines;

import io.finbatch.jobs.support.TestDatabases;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@EnabledIf(value = "io.finbatch.jobs.support.TestDatabases#postgresAvailable",
        disabledReason = "PostgreSQL is not reachable on 127.0.0.1:5432 (CI starts it)")
class BankLineMappingPostgresFunctionalTests extends BankLineMappingFunctionalTests {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String url = TestDatabases.createPostgresDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> TestDatabases.PG_USER);
        registry.add("spring.datasource.password", () -> "");
        rulesProperties(registry);
    }
}
