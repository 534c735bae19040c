package io.finbatch.jobs.support;

import org.junit.jupiter.api.condition.EnabledIf;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class that runs on the local PostgreSQL; it reports as skipped where none answers, never under
 * CI (see {@link TestDatabases#postgresAvailable()}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EnabledIf(value = "io.finbatch.jobs.support.TestDatabases#postgresAvailable",
        disabledReason = "PostgreSQL is not reachable on 127.0.0.1:5432 (CI starts it)")
public @interface OnPostgres {
}
