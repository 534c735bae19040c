-- P&L and balance sheet by entity of :period: per entity and group account, the translated balance (in the
-- group currency, debit positive) of the latest consolidation run of the period whose as-of is the GROUP
-- period's cut-off (:as_of), from the run's lineage: the entity's translated source lines, its translation
-- difference and the eliminations posted for it. A contribution of no entity (none in the current engine)
-- is shown under GROUP. INCOME and EXPENSE accounts go to the P&L column, the others to the balance sheet.
SELECT COALESCE(l.entity, 'GROUP')     AS entity,
       l.group_account                 AS group_account,
       a.name                          AS account_name,
       a.account_class                 AS account_class,
       CASE WHEN a.account_class IN ('INCOME', 'EXPENSE') THEN 'PL' ELSE 'BS' END AS statement,
       CASE WHEN a.account_class IN ('INCOME', 'EXPENSE') THEN NULL ELSE SUM(l.amount) END AS bs_balance,
       CASE WHEN a.account_class IN ('INCOME', 'EXPENSE') THEN SUM(l.amount) ELSE NULL END AS pl_balance
  FROM consolidation_lineage l
  JOIN group_account a ON a.code = l.group_account
 WHERE l.run_id = (SELECT MAX(r.id)
                     FROM consolidation_run r
                    WHERE r.period = :period
                      AND r.as_of = :as_of)
 GROUP BY COALESCE(l.entity, 'GROUP'), l.group_account, a.name, a.account_class
