-- General-ledger detail of :period as of its cut-off: every journal line dated within the period and
-- recorded on or before :as_of, in each entity's own currency. A line recorded later (a late accrual)
-- belongs to the next extract, not to this one: a re-run gives the same file.
SELECT j.entity               AS entity,
       j.entry_date           AS entry_date,
       j.journal              AS journal,
       j.entry_id             AS entry_id,
       j.source               AS source,
       j.source_line_id       AS source_line_id,
       j.account              AS account,
       j.label                AS label,
       j.partner              AS partner,
       j.counterparty_entity  AS counterparty_entity,
       j.reference            AS reference,
       j.currency             AS currency,
       j.debit                AS debit,
       j.credit               AS credit,
       j.transaction_currency AS transaction_currency,
       j.amount_currency      AS amount_currency
  FROM journal_line j
 WHERE j.entry_date BETWEEN :period_start AND :period_end
   AND j.recorded_at <= :as_of
