-- Unposted items as of :as_of: the items of the Odoo outbox that are not CONFIRMED (PENDING, SENT, SKIPPED,
-- FAILED) and the bank statement lines the mapping rules left UNMATCHED, among those recorded on or before
-- :as_of (queued, imported), each with its age: the whole days from when it was recorded to :as_of.
-- The state and the reason are the current ones (an operations list: a state is not kept per instant).
SELECT 'ODOO_OUTBOX'                  AS origin,
       o.business_key                 AS item_key,
       o.kind                         AS item_kind,
       o.item_date                    AS item_date,
       o.state                        AS state,
       CAST(NULL AS VARCHAR(50))      AS entity,
       CAST(NULL AS NUMERIC(22, 5))   AS amount,
       CAST(NULL AS CHAR(3))          AS currency,
       o.attempts                     AS attempts,
       EXTRACT(DAY FROM (CAST(:as_of AS TIMESTAMP WITH TIME ZONE) - o.created_at)) AS age_days,
       o.last_error                   AS reason
  FROM odoo_outbox o
 WHERE o.state IN ('PENDING', 'SENT', 'SKIPPED', 'FAILED')
   AND o.created_at <= :as_of
UNION ALL
SELECT 'BANK_LINE'                    AS origin,
       s.unique_import_id             AS item_key,
       'STATEMENT_LINE'               AS item_kind,
       COALESCE(s.booking_date, s.value_date) AS item_date,
       b.outcome                      AS state,
       b.entity                       AS entity,
       s.amount                       AS amount,
       s.currency                     AS currency,
       CAST(NULL AS INTEGER)          AS attempts,
       EXTRACT(DAY FROM (CAST(:as_of AS TIMESTAMP WITH TIME ZONE) - s.imported_at)) AS age_days,
       b.reason                       AS reason
  FROM bank_line_mapping b
  JOIN statement_line s ON s.id = b.statement_line_id
 WHERE b.outcome = 'UNMATCHED'
   AND s.imported_at <= :as_of
