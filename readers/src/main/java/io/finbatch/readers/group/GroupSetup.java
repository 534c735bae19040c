package io.finbatch.readers.group;

import io.finbatch.mappings.consolidation.AccountMapping;
import io.finbatch.mappings.consolidation.ConsolidationGroup;
import io.finbatch.mappings.consolidation.ExchangeRate;
import io.finbatch.mappings.consolidation.GroupChart;
import io.finbatch.mappings.consolidation.LegalEntity;
import io.finbatch.mappings.consolidation.RateTable;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A group as its reviewed files describe it (layout in {@code examples/group/README.md}): code and
 * currency, entities with the journal sources that make their books, group chart with each account's
 * role, the entities' account mappings, and the exchange rates of every period.
 */
public record GroupSetup(String code, String name, String currency, List<LegalEntity> entities,
        Map<String, Set<String>> journalSources, GroupChart chart, Map<String, String> roles, AccountMapping mapping,
        List<ExchangeRate> rates, String translationReserveAccount, String intercompanyDifferenceAccount) {

    public GroupSetup {
        entities = List.copyOf(entities);
        journalSources = Map.copyOf(journalSources);
        roles = Map.copyOf(roles);
        rates = List.copyOf(rates);
    }

    public ConsolidationGroup consolidationGroup() {
        return new ConsolidationGroup(currency, entities, chart, mapping, translationReserveAccount,
                intercompanyDifferenceAccount);
    }

    public RateTable rateTable() {
        return new RateTable(rates);
    }
}
