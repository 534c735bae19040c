package io.finbatch.jobs.banklines;

import io.finbatch.jobs.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class BankLineMappingH2FunctionalTests extends BankLineMappingFunctionalTests {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String url = TestDatabases.h2Url();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "sa");
        rulesProperties(registry);
    }
}
