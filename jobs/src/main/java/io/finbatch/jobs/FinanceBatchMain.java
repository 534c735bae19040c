package io.finbatch.jobs;

import io.finbatch.jobs.cli.FinanceBatchCommand;
import picocli.CommandLine;

/** Entry point of {@code finance-batch.jar}: the command line, whose subcommands start what they need. */
public final class FinanceBatchMain {

    private FinanceBatchMain() {
    }

    public static void main(String[] args) {
        System.exit(FinanceBatchCommand.commandLine().execute(args));
    }
}
