package io.finbatch.mappings.consolidation;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The group chart of accounts, by code. */
public final class GroupChart {

    private final Map<String, GroupAccount> accounts = new LinkedHashMap<>();

    public GroupChart(Collection<GroupAccount> accounts) {
        for (GroupAccount account : accounts) {
            if (this.accounts.putIfAbsent(account.code(), account) != null) {
                throw new IllegalArgumentException("group account " + account.code() + " is defined twice");
            }
        }
    }

    public static GroupChart of(GroupAccount... accounts) {
        return new GroupChart(List.of(accounts));
    }

    public Optional<GroupAccount> find(String code) {
        return Optional.ofNullable(accounts.get(code));
    }

    /** The account with this code; {@link IllegalArgumentException} when the chart has none. */
    public GroupAccount account(String code) {
        GroupAccount account = accounts.get(code);
        if (account == null) {
            throw new IllegalArgumentException("group account " + code + " is not in the group chart");
        }
        return account;
    }

    public List<GroupAccount> accounts() {
        return List.copyOf(accounts.values());
    }
}
