-- Where the incremental import of Odoo journal items (odooJournalImport) stands, per entity and Odoo model:
-- every item written in Odoo before the second last_write_date (UTC, as Odoo reads write_date: to the second),
-- and those of that second up to id last_id, have been seen. Advanced in the same transaction as each page.
CREATE TABLE odoo_import_watermark (
    entity           VARCHAR(50)   NOT NULL,
    model            VARCHAR(100)  NOT NULL,
    last_write_date  TIMESTAMP     NOT NULL,
    last_id          BIGINT        NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT odoo_import_watermark_pk PRIMARY KEY (entity, model)
);
