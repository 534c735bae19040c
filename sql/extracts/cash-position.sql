-- Cash position at the end of :period: per bank account and currency, the closing balance of its latest
-- statement closing on or before :period_end, among the statement files imported on or before :as_of.
SELECT p.account        AS account,
       p.currency       AS currency,
       p.closing_date   AS closing_date,
       p.closing_amount AS closing_balance,
       p.statement_ref  AS statement_ref
  FROM (SELECT COALESCE(s.account_iban, s.account_other) AS account,
               s.currency,
               s.closing_date,
               s.closing_amount,
               s.statement_ref,
               ROW_NUMBER() OVER (PARTITION BY COALESCE(s.account_iban, s.account_other), s.currency
                                  ORDER BY s.closing_date DESC, s.id DESC) AS latest
          FROM bank_statement s
          JOIN statement_file f ON f.id = s.statement_file_id
         WHERE f.status = 'IMPORTED'
           AND f.received_at <= :as_of
           AND s.closing_amount IS NOT NULL
           AND s.closing_date <= :period_end) p
 WHERE p.latest = 1
