package io.finbatch.mappings.consolidation;

import io.finbatch.mappings.money.CurrencyUnits;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything about the group that does not change from one period to the next: the group currency, its
 * entities, the group chart, the entities' account mappings, and the two accounts the engine books to
 * itself (the translation reserve and the intercompany difference account). Checked when built.
 */
public record ConsolidationGroup(String groupCurrency, List<LegalEntity> entities, GroupChart chart,
        AccountMapping mapping, String translationReserveAccount, String intercompanyDifferenceAccount) {

    public ConsolidationGroup {
        requireIso(groupCurrency, "group currency");
        entities = List.copyOf(entities);
        Objects.requireNonNull(chart, "chart");
        Objects.requireNonNull(mapping, "mapping");
        Map<String, LegalEntity> byCode = new LinkedHashMap<>();
        for (LegalEntity entity : entities) {
            requireIso(entity.functionalCurrency(), "functional currency of " + entity.code());
            if (byCode.putIfAbsent(entity.code(), entity) != null) {
                throw new IllegalArgumentException("entity " + entity.code() + " is listed twice");
            }
        }
        requireBookable(chart, translationReserveAccount, "translation reserve");
        requireBookable(chart, intercompanyDifferenceAccount, "intercompany difference");
        for (AccountMappingRule rule : mapping.rules()) {
            if (!byCode.containsKey(rule.entity())) {
                throw new IllegalArgumentException("mapping of " + rule.entity() + " " + rule.localAccount()
                        + ": no such entity in the group");
            }
            if (chart.find(rule.groupAccount()).isEmpty()) {
                throw new IllegalArgumentException("mapping of " + rule.entity() + " " + rule.localAccount()
                        + ": group account " + rule.groupAccount() + " is not in the group chart");
            }
        }
    }

    public Optional<LegalEntity> entity(String code) {
        return entities.stream().filter(e -> e.code().equals(code)).findFirst();
    }

    private static void requireIso(String currency, String what) {
        if (!CurrencyUnits.isIsoCode(currency)) {
            throw new IllegalArgumentException(what + " " + currency + " is not an ISO 4217 code");
        }
    }

    /** The engine's own accounts must exist and must not be intercompany (they would not net to zero). */
    private static void requireBookable(GroupChart chart, String code, String what) {
        GroupAccount account = chart.find(code).orElseThrow(() -> new IllegalArgumentException(
                what + " account " + code + " is not in the group chart"));
        if (account.isIntercompany()) {
            throw new IllegalArgumentException(what + " account " + code + " must not be an intercompany account");
        }
    }
}
