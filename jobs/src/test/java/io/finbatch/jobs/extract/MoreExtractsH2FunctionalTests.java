package io.finbatch.jobs.extract;

import io.finbatch.jobs.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class MoreExtractsH2FunctionalTests extends MoreExtractsFunctionalTests {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
        moreExtractsProperties(registry);
    }
}
