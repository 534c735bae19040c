/**
 * Odoo's external API for the posting jobs: {@link io.finbatch.writers.odoo.OdooClients#create} gives an
 * {@link io.finbatch.writers.odoo.OdooClient} that speaks JSON-2 to Odoo 19+ and JSON-RPC to older
 * servers ({@code AUTO}), over the JDK's HTTP/1.1 client.
 *
 * <p>What a caller does with each failure:
 * <ul>
 * <li>{@link io.finbatch.writers.odoo.OdooBusinessException}: Odoo refused this record (unbalanced entry,
 * missing field, constraint, lock-date warning): put it in the exception queue with Odoo's message and go on;</li>
 * <li>{@link io.finbatch.writers.odoo.OdooAccessException}: bad key or missing rights: stop the job;</li>
 * <li>{@link io.finbatch.writers.odoo.OdooOutcomeUnknownException}: a data-changing call got no answer and
 * was not repeated: search Odoo for the record's business key (e.g. the entry's {@code ref}) before
 * sending it again;</li>
 * <li>{@link io.finbatch.writers.odoo.OdooTransientException}: Odoo stayed unreachable or overloaded through
 * all the retries: stop and restart later;</li>
 * <li>{@link io.finbatch.writers.odoo.OdooProtocolException}: an answer we cannot read (unknown method,
 * wrong URL, a proxy's error page): stop, it is a set-up or code problem.</li>
 * </ul>
 */
package io.finbatch.writers.odoo;
