-- No row of a LOCKED period is inserted, updated or deleted, whoever writes it (job or hand-written SQL),
-- and a LOCKED period stays locked.

CREATE FUNCTION finbatch_refuse_locked_journal_line() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND EXISTS (SELECT 1 FROM fiscal_period p WHERE p.entity = OLD.entity
            AND OLD.entry_date BETWEEN p.start_date AND p.end_date AND p.status = 'LOCKED') THEN
        RAISE EXCEPTION 'period locked: entity % has its period of % LOCKED (journal_line %)',
            OLD.entity, OLD.entry_date, OLD.id USING ERRCODE = 'FB001';
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND EXISTS (SELECT 1 FROM fiscal_period p WHERE p.entity = NEW.entity
            AND NEW.entry_date BETWEEN p.start_date AND p.end_date AND p.status = 'LOCKED') THEN
        RAISE EXCEPTION 'period locked: entity % has its period of % LOCKED (journal_line %)',
            NEW.entity, NEW.entry_date, NEW.source_line_id USING ERRCODE = 'FB001';
    END IF;
    RETURN COALESCE(NEW, OLD);
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER journal_line_period_lock BEFORE INSERT OR UPDATE OR DELETE ON journal_line
    FOR EACH ROW EXECUTE FUNCTION finbatch_refuse_locked_journal_line();

CREATE FUNCTION finbatch_refuse_locked_consolidation() RETURNS trigger AS $$
DECLARE
    row_period CHAR(7) := COALESCE(NEW.period, OLD.period);
BEGIN
    IF EXISTS (SELECT 1 FROM fiscal_period p WHERE p.entity = 'GROUP' AND p.period = row_period
            AND p.status = 'LOCKED') THEN
        RAISE EXCEPTION 'period locked: the group period % is LOCKED (consolidated_balance)', row_period
            USING ERRCODE = 'FB001';
    END IF;
    RETURN COALESCE(NEW, OLD);
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER consolidated_balance_period_lock BEFORE INSERT OR UPDATE OR DELETE ON consolidated_balance
    FOR EACH ROW EXECUTE FUNCTION finbatch_refuse_locked_consolidation();

CREATE FUNCTION finbatch_keep_locked_period() RETURNS trigger AS $$
BEGIN
    IF OLD.status = 'LOCKED' THEN
        RAISE EXCEPTION 'period locked: % % is LOCKED and cannot be changed or removed', OLD.entity, OLD.period
            USING ERRCODE = 'FB001';
    END IF;
    RETURN COALESCE(NEW, OLD);
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER fiscal_period_stays_locked BEFORE UPDATE OR DELETE ON fiscal_period
    FOR EACH ROW EXECUTE FUNCTION finbatch_keep_locked_period();
