package io.finbatch.writers.odoo;

import java.util.List;
import java.util.Map;

/**
 * Odoo's external API, whichever transport carries it (JSON-RPC for Odoo 14–18, JSON-2 for 19+).
 * Values are plain JSON-shaped Java: {@code Map<String, Object>}, {@code List<Object>}, {@code String},
 * {@code Long} for integers and ids, {@code BigDecimal} for floats (money never becomes a binary double), {@code Boolean}
 * (Odoo's {@code false} for an unset field stays {@code Boolean.FALSE}). A many2one read back is a
 * {@code List} of {@code [id, "display name"]}.
 *
 * <p>Every call classifies Odoo's failures: {@link OdooBusinessException} (the record is refused: skip it),
 * {@link OdooAccessException} (credentials or rights: stop the job), {@link OdooTransientException}
 * (still failing after the configured retries), {@link OdooProtocolException} (an answer we cannot read).
 */
public interface OdooClient extends AutoCloseable {

    /** What the server says of itself ({@code common.version} or the JSON-2 equivalent). */
    OdooServerInfo serverInfo();

    /** The transport in use once resolved ({@code auto} picks JSON-2 where the server offers it). */
    OdooProtocol protocol();

    /** The user id the credentials authenticate as; fails with {@link OdooAccessException} when refused. */
    long authenticate();

    List<Long> search(String model, List<?> domain, Integer limit, String order);

    List<Map<String, Object>> searchRead(String model, List<?> domain, List<String> fields, Integer limit,
            String order);

    long searchCount(String model, List<?> domain);

    List<Map<String, Object>> read(String model, List<Long> ids, List<String> fields);

    /** Creates the records in one call (one transaction in Odoo); ids in the order of {@code valsList}. */
    List<Long> create(String model, List<Map<String, Object>> valsList);

    void write(String model, List<Long> ids, Map<String, Object> values);

    /** {@code fields_get}: field name to its attributes (type, required, readonly, relation...). */
    Map<String, Map<String, Object>> fieldsGet(String model, List<String> attributes);

    /** Any other model method on records, e.g. {@code action_post}; returns Odoo's result as is. */
    Object call(String model, String method, List<Long> ids, Map<String, Object> kwargs);

    @Override
    void close();
}
