package io.finbatch.mappings.consolidation;

import java.util.List;
import java.util.stream.Collectors;

/** One or more entities' lines do not balance in their own currency; names each with its difference. */
public final class UnbalancedEntitiesException extends ConsolidationException {

    private final List<UnbalancedEntity> unbalanced;

    public UnbalancedEntitiesException(List<UnbalancedEntity> unbalanced) {
        super("unbalanced entit" + (unbalanced.size() == 1 ? "y" : "ies") + ": "
                + unbalanced.stream().map(UnbalancedEntity::toString).collect(Collectors.joining("; ")));
        this.unbalanced = List.copyOf(unbalanced);
    }

    public List<UnbalancedEntity> unbalanced() {
        return unbalanced;
    }
}
