package io.finbatch.mappings.consolidation;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Local account to group account, per entity. Many local accounts may map to one group account. */
public final class AccountMapping {

    private final Map<String, Map<String, String>> byEntity = new HashMap<>();
    private final List<AccountMappingRule> rules;

    public AccountMapping(Collection<AccountMappingRule> rules) {
        this.rules = List.copyOf(rules);
        for (AccountMappingRule rule : this.rules) {
            String previous = byEntity.computeIfAbsent(rule.entity(), e -> new HashMap<>())
                    .putIfAbsent(rule.localAccount(), rule.groupAccount());
            if (previous != null && !previous.equals(rule.groupAccount())) {
                throw new IllegalArgumentException("local account " + rule.localAccount() + " of " + rule.entity()
                        + " maps to both " + previous + " and " + rule.groupAccount());
            }
        }
    }

    public static AccountMapping of(AccountMappingRule... rules) {
        return new AccountMapping(List.of(rules));
    }

    public Optional<String> groupAccount(String entity, String localAccount) {
        Map<String, String> local = byEntity.get(entity);
        return Optional.ofNullable(local == null ? null : local.get(localAccount));
    }

    public List<AccountMappingRule> rules() {
        return rules;
    }
}
