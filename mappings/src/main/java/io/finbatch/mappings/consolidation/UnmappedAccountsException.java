package io.finbatch.mappings.consolidation;

import java.util.List;
import java.util.stream.Collectors;

/** Source lines use local accounts that do not map to the group chart; lists every (entity, account). */
public final class UnmappedAccountsException extends ConsolidationException {

    private final List<UnmappedAccount> unmapped;

    public UnmappedAccountsException(List<UnmappedAccount> unmapped) {
        super(unmapped.size() + " local account(s) not mapped to the group chart: "
                + unmapped.stream().map(UnmappedAccount::toString).collect(Collectors.joining("; ")));
        this.unmapped = List.copyOf(unmapped);
    }

    /** By entity, then local account. */
    public List<UnmappedAccount> unmapped() {
        return unmapped;
    }
}
