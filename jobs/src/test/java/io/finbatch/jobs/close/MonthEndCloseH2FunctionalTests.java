package io.finbatch.jobs.close;

import io.finbatch.jobs.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The month-end close on the embedded default database. */
class MonthEndCloseH2FunctionalTests extends MonthEndCloseFunctionalTests {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
        closeProperties(registry);
    }
}
