-- The audit log is append-only, whoever writes (application or hand-written SQL): UPDATE and DELETE are
-- refused. H2 runs triggers as Java classes (jobs module, package audit).

CREATE TRIGGER audit_log_append_only BEFORE UPDATE, DELETE ON audit_log
    FOR EACH ROW CALL 'io.finbatch.jobs.audit.H2AuditLogAppendOnlyTrigger';
