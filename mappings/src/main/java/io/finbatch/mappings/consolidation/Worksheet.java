package io.finbatch.mappings.consolidation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums contributions into worksheet rows as they are made. It sees exactly what the lineage sink sees, so
 * every figure is the sum of its lineage by construction.
 */
final class Worksheet {

    private final ConsolidationGroup group;
    private final BigDecimal zero;
    private final Map<String, Row> rows = new HashMap<>();

    Worksheet(ConsolidationGroup group, BigDecimal zero) {
        this.group = group;
        this.zero = zero;
    }

    void add(Contribution contribution) {
        Row row = rows.computeIfAbsent(contribution.groupAccount(), code -> new Row());
        row.debit = row.debit.add(contribution.debit());
        row.credit = row.credit.add(contribution.credit());
        if (contribution.kind() == Contribution.Kind.ELIMINATION) {
            row.eliminations = row.eliminations.add(contribution.amount());
        } else {
            row.byEntity.merge(contribution.entity(), contribution.amount(), BigDecimal::add);
        }
    }

    /** One line per group account that received anything, in the order of the group chart. */
    List<TrialBalanceLine> trialBalance() {
        List<TrialBalanceLine> lines = new ArrayList<>();
        for (GroupAccount account : group.chart().accounts()) {
            Row row = rows.get(account.code());
            if (row == null) {
                continue;
            }
            Map<String, BigDecimal> byEntity = new LinkedHashMap<>();
            for (LegalEntity entity : group.entities()) {
                byEntity.put(entity.code(), row.byEntity.getOrDefault(entity.code(), zero));
            }
            lines.add(new TrialBalanceLine(account.code(), account.name(), account.accountClass(), byEntity,
                    row.eliminations, row.debit, row.credit, row.debit.subtract(row.credit)));
        }
        return lines;
    }

    private final class Row {
        BigDecimal debit = zero;
        BigDecimal credit = zero;
        BigDecimal eliminations = zero;
        final Map<String, BigDecimal> byEntity = new HashMap<>();
    }
}
