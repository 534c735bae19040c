-- The general-ledger detail extract reads journal lines in (entity, entry_date, source, source_line_id)
-- order. With an index in exactly that order the database streams them without sorting: on PostgreSQL
-- an index scan instead of an incremental sort, on H2 no sort of the whole period through a temporary
-- file before the first row. It also serves every lookup by (entity, entry_date), so the narrower
-- index it supersedes goes.
CREATE INDEX journal_line_extract_order_ix ON journal_line (entity, entry_date, source, source_line_id);
DROP INDEX journal_line_entity_date_ix;
