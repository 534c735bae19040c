-- No row of a LOCKED period is inserted, updated or deleted, whoever writes it (job or hand-written SQL),
-- and a LOCKED period stays locked. H2 runs triggers as Java classes (writers module, package periods).

CREATE TRIGGER journal_line_period_lock BEFORE INSERT, UPDATE, DELETE ON journal_line
    FOR EACH ROW CALL 'io.finbatch.writers.periods.H2PeriodLockTrigger';

CREATE TRIGGER consolidated_balance_period_lock BEFORE INSERT, UPDATE, DELETE ON consolidated_balance
    FOR EACH ROW CALL 'io.finbatch.writers.periods.H2PeriodLockTrigger';

CREATE TRIGGER fiscal_period_stays_locked BEFORE UPDATE, DELETE ON fiscal_period
    FOR EACH ROW CALL 'io.finbatch.writers.periods.H2PeriodLockTrigger';
