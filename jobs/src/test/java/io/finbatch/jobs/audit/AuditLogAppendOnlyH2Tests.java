package io.finbatch.jobs.audit;

import io.finbatch.jobs.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class AuditLogAppendOnlyH2Tests extends AuditLogAppendOnlyDatabaseTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
    }
}
