package io.finbatch.mappings.consolidation;

/** One row of an entity's mapping: its local account goes to this group account. */
public record AccountMappingRule(String entity, String localAccount, String groupAccount) {

    public AccountMappingRule {
        GroupAccount.requireText(entity, "entity");
        GroupAccount.requireText(localAccount, "local account");
        GroupAccount.requireText(groupAccount, "group account");
    }
}
