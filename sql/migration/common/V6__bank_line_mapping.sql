-- What the bankLineMapping job made of each staged statement line. Portable SQL: runs on PostgreSQL and H2.
-- MATCHED: the rule's two journal lines are in journal_line (source BANK_RULES, source_line_id
-- <unique_import_id>/1 and /2). UNMATCHED: no journal lines; the reason is for an operator, and the line is
-- tried again on the next run (e.g. after the rules were reviewed). PERIOD_LOCKED: matched, but dated in a
-- LOCKED period of its entity; nothing written, the line is in import_exception. A MATCHED or PERIOD_LOCKED
-- line is never mapped again.
CREATE TABLE bank_line_mapping (
    statement_line_id  BIGINT         NOT NULL PRIMARY KEY REFERENCES statement_line (id),
    outcome            VARCHAR(20)    NOT NULL,
    entity             VARCHAR(50),
    rule_name          VARCHAR(200),
    reason             VARCHAR(4000),
    job_execution_id   BIGINT,
    mapped_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT bank_line_mapping_outcome_ck CHECK (outcome IN ('MATCHED', 'UNMATCHED', 'PERIOD_LOCKED'))
);

CREATE INDEX bank_line_mapping_outcome_ix ON bank_line_mapping (outcome);
CREATE INDEX bank_line_mapping_execution_ix ON bank_line_mapping (job_execution_id);
