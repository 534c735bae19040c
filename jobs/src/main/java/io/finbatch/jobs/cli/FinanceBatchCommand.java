package io.finbatch.jobs.cli;

import io.finbatch.jobs.banklines.BankLineMappingCommand;
import io.finbatch.jobs.close.CloseCommand;
import io.finbatch.jobs.scheduling.SchedulesCommand;
import io.finbatch.jobs.scheduling.ServeCommand;
import io.finbatch.jobs.scaleout.WorkerCommand;
import io.finbatch.jobs.extract.ExtractCommand;
import io.finbatch.jobs.odoojournal.LoadOdooJournalCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code finance-batch <command>}: the command line of the product. */
@Command(name = "finance-batch", mixinStandardHelpOptions = true, version = "Finance Batch 0.1.0",
        description = "Bank statement import, consolidation, extracts and Odoo posting for finance teams.",
        subcommands = {ParseCommand.class, ImportCommand.class, LoadEntriesCommand.class, PostCommand.class,
            LoadLedgerCommand.class, BankLineMappingCommand.class, LoadOdooJournalCommand.class,
            ConsolidateCommand.class, ExtractCommand.class, CloseCommand.class, PeriodCommand.class,
            ExecutionsCommand.class, RestartCommand.class, SchedulesCommand.class, ServeCommand.class, TokenCommand.class, WorkerCommand.class,
            HashPasswordCommand.class,
            CommandLine.HelpCommand.class})
public class FinanceBatchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static CommandLine commandLine() {
        return new CommandLine(new FinanceBatchCommand());
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
