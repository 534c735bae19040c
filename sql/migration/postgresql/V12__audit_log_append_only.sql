-- The audit log is append-only, whoever writes (application or hand-written SQL): UPDATE, DELETE and
-- TRUNCATE are refused.

CREATE FUNCTION finbatch_refuse_audit_log_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'FB002';
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION finbatch_refuse_audit_log_change();

CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION finbatch_refuse_audit_log_change();
