-- The dates Odoo booked are read back after the posting, many records per call: the items created in Odoo
-- whose date is not read yet (CONFIRMED, odoo_date NULL) are found through this index, without visiting
-- every confirmed row of the outbox.
CREATE INDEX odoo_outbox_booked_date_ix ON odoo_outbox (kind, state, odoo_date, id);
