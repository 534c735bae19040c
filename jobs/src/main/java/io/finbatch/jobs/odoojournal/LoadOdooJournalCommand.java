package io.finbatch.jobs.odoojournal;

import io.finbatch.jobs.odooposting.OdooConnection;
import io.finbatch.jobs.cli.SpringContexts;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code load-odoo-journal ENTITY}: the entity's posted Odoo journal items into the journal-line store. */
@Command(name = "load-odoo-journal", description = "Import the posted Odoo journal items of an entity written since"
        + " the last import (company: finbatch.odoo-ledger.companies.ENTITY).")
public class LoadOdooJournalCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ENTITY")
    String entity;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = SpringContexts.start()) {
            System.out.println("reading from " + context.getBean(OdooConnection.class).describe());
            OdooJournalImportService.Result r = context.getBean(OdooJournalImportService.class).importJournal(entity);
            System.out.printf("%-12s %-10s %6d items read, %d imported, %d unchanged, %d period locked,"
                    + " %d changed after import, execution %d%n", r.entity(), r.status(), r.read(), r.imported(),
                    r.unchanged(), r.periodLocked(), r.changedAfterImport(), r.executionId());
            if (r.message() != null) {
                System.out.println("    " + r.message());
            }
            return r.status().equals("COMPLETED") ? 0 : 3;
        }
    }
}
