package io.finbatch.jobs.ledgerimport;

import io.finbatch.mappings.journal.LedgerLine;
import io.finbatch.writers.journal.JournalLineStore;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stores each entity's lines with the entity's own currency (from the group's entities file). */
class LedgerLineWriter implements ItemWriter<LedgerLine> {

    private final JournalLineStore store;
    private final Map<String, String> currencyByEntity;
    private final String entitiesFile;

    LedgerLineWriter(JournalLineStore store, Map<String, String> currencyByEntity, String entitiesFile) {
        this.store = store;
        this.currencyByEntity = Map.copyOf(currencyByEntity);
        this.entitiesFile = entitiesFile;
    }

    @Override
    public void write(Chunk<? extends LedgerLine> chunk) {
        Map<String, List<LedgerLine>> byEntity = new LinkedHashMap<>();
        for (LedgerLine line : chunk) {
            byEntity.computeIfAbsent(line.entity(), e -> new ArrayList<>()).add(line);
        }
        byEntity.forEach((entity, lines) -> {
            String currency = currencyByEntity.get(entity);
            if (currency == null) {
                throw new IllegalStateException("entity " + entity + " is not in " + entitiesFile + ": add it there first");
            }
            store.storeNew(LedgerImportJobConfiguration.SOURCE, currency, lines);
        });
    }
}
