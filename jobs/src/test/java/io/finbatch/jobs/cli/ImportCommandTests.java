package io.finbatch.jobs.cli;

import io.finbatch.jobs.support.Examples;
import io.finbatch.jobs.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code import --inbox}, {@code import FILE} and {@code executions} against a private H2 database. */
class ImportCommandTests {

    @BeforeAll
    static void privateDatabase() {
        System.setProperty("spring.datasource.url", TestDatabases.h2Url());
    }

    @AfterAll
    static void restoreDatabase() {
        System.clearProperty("spring.datasource.url");
    }

    @Test
    void importsTheInboxThenSaysTheFilesWereAlreadyImportedAndListsTheExecutions() {
        CommandLineRunner.Run first = CommandLineRunner.run("import", "--inbox", Examples.folder().toString());

        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(first.out()).containsPattern("01-acme-de-intraday-20261030\\.mt942\\s+mt942\\s+1\\s+2\\s+0\\s+0\\s+IMPORTED");
        assertThat(first.out()).containsPattern("02-acme-de-20261030\\.mt940\\s+mt940\\s+2\\s+4\\s+2\\s+0\\s+IMPORTED");
        assertThat(first.out()).containsPattern("03-acme-nl-20261030\\.camt053\\.xml\\s+camt\\.053\\.001\\.08\\s+1\\s+7\\s+0\\s+0\\s+IMPORTED");

        CommandLineRunner.Run again = CommandLineRunner.run("import", Examples.file(Examples.MT940).toString());

        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).containsPattern("02-acme-de-20261030\\.mt940\\s+mt940\\s+0\\s+0\\s+0\\s+0\\s+ALREADY_IMPORTED");
        assertThat(again.out()).contains("already imported");

        CommandLineRunner.Run executions = CommandLineRunner.run("executions");

        assertThat(executions.exitCode()).isZero();
        assertThat(executions.out()).contains("statementImport").contains("COMPLETED").contains("ALREADY_IMPORTED")
                .contains("03-acme-nl-20261030.camt053.xml");
    }
}
