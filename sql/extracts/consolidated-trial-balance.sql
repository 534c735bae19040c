-- Consolidated trial balance of :period: the latest consolidation run of the period whose as-of is the
-- GROUP period's cut-off (:as_of). A run made at another as-of (no cut-off set yet) is not used.
SELECT b.group_account  AS group_account,
       a.name           AS account_name,
       a.account_class  AS account_class,
       b.debit          AS debit,
       b.credit         AS credit
  FROM consolidated_balance b
  JOIN group_account a ON a.code = b.group_account
 WHERE b.run_id = (SELECT MAX(r.id)
                     FROM consolidation_run r
                    WHERE r.period = :period
                      AND r.as_of = :as_of)
