-- Trial balance of each entity at the end of :period as of its cut-off: per entity, local account and
-- journal source, the debits and credits of the journal lines dated on or before :period_end and recorded
-- on or before :as_of (the opening balances plus the movements), in the entity's own currency, with the
-- group account the local account is mapped to (blank when unmapped). Lines are not filtered by the
-- entity's journal_sources (they are not in the database): the source is a column, so a booking that two
-- sources hold shows twice, once per source, and is never silently added up.
SELECT j.entity                      AS entity,
       j.account                     AS account,
       j.source                      AS source,
       m.group_account               AS group_account,
       j.currency                    AS currency,
       COUNT(*)                      AS line_count,
       SUM(j.debit)                  AS debit,
       SUM(j.credit)                 AS credit,
       SUM(j.debit) - SUM(j.credit)  AS balance
  FROM journal_line j
  LEFT JOIN account_mapping m ON m.entity = j.entity AND m.local_account = j.account
 WHERE j.entry_date <= :period_end
   AND j.recorded_at <= :as_of
 GROUP BY j.entity, j.account, j.source, m.group_account, j.currency
