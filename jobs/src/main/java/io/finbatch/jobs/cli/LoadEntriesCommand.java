package io.finbatch.jobs.cli;

import io.finbatch.mappings.journal.JournalEntry;
import io.finbatch.readers.SourceFileException;
import io.finbatch.readers.journal.JournalEntryCsvReader;
import io.finbatch.writers.journal.JournalEntryStore;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code load-entries FILE.csv}: stores journal entries (adjusting, closing) to post to Odoo. All or
 * nothing: a bad row rejects the file with its line and column; an entry key seen before is not stored twice.
 */
@Command(name = "load-entries", description = "Load journal entries to post from a CSV file (see examples/entries).")
public class LoadEntriesCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() {
        List<JournalEntry> entries = new ArrayList<>();
        try (JournalEntryCsvReader reader = new JournalEntryCsvReader(file)) {
            JournalEntry entry;
            while ((entry = reader.next()) != null) {
                entries.add(entry);
            }
        } catch (SourceFileException rejected) {
            System.err.println(rejected.getMessage());
            return 2;
        }
        try (ConfigurableApplicationContext context = SpringContexts.start()) {
            JournalEntryStore store = context.getBean(JournalEntryStore.class);
            int stored = new TransactionTemplate(context.getBean(
                    org.springframework.transaction.PlatformTransactionManager.class)).execute(status -> {
                        int n = 0;
                        for (JournalEntry entry : entries) {
                            n += store.saveIfAbsent(entry, file.getFileName().toString()) ? 1 : 0;
                        }
                        return n;
                    });
            System.out.printf("%s: %d entries read, %d stored, %d already there%n", file.getFileName(),
                    entries.size(), stored, entries.size() - stored);
        }
        return 0;
    }
}
