package io.finbatch.jobs.observability;

import io.finbatch.writers.odoo.OdooAccessException;
import io.finbatch.writers.odoo.OdooBusinessException;
import io.finbatch.writers.odoo.OdooClient;
import io.finbatch.writers.odoo.OdooOutcomeUnknownException;
import io.finbatch.writers.odoo.OdooProtocol;
import io.finbatch.writers.odoo.OdooProtocolException;
import io.finbatch.writers.odoo.OdooServerInfo;
import io.finbatch.writers.odoo.OdooTransientException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Times every Odoo call as {@code finbatch.odoo.calls} (Prometheus: {@code finbatch_odoo_calls_seconds}) with
 * the method, the model and the outcome: {@code ok}, or the kind of error (business, access, transient,
 * outcome_unknown, protocol, other). A call's time includes the client's own retries and backoff.
 */
public final class MeteredOdooClient implements OdooClient {

    static final String METER = "finbatch.odoo.calls";

    private final OdooClient client;
    private final MeterRegistry registry;

    public MeteredOdooClient(OdooClient client, MeterRegistry registry) {
        this.client = client;
        this.registry = registry;
    }

    @Override
    public OdooServerInfo serverInfo() {
        return timed("version", "", client::serverInfo);
    }

    @Override
    public OdooProtocol protocol() {
        return client.protocol();
    }

    @Override
    public long authenticate() {
        return timed("authenticate", "", client::authenticate);
    }

    @Override
    public List<Long> search(String model, List<?> domain, Integer limit, String order) {
        return timed("search", model, () -> client.search(model, domain, limit, order));
    }

    @Override
    public List<Map<String, Object>> searchRead(String model, List<?> domain, List<String> fields, Integer limit,
            String order) {
        return timed("search_read", model, () -> client.searchRead(model, domain, fields, limit, order));
    }

    @Override
    public long searchCount(String model, List<?> domain) {
        return timed("search_count", model, () -> client.searchCount(model, domain));
    }

    @Override
    public List<Map<String, Object>> read(String model, List<Long> ids, List<String> fields) {
        return timed("read", model, () -> client.read(model, ids, fields));
    }

    @Override
    public List<Long> create(String model, List<Map<String, Object>> valsList) {
        return timed("create", model, () -> client.create(model, valsList));
    }

    @Override
    public void write(String model, List<Long> ids, Map<String, Object> values) {
        timed("write", model, () -> {
            client.write(model, ids, values);
            return null;
        });
    }

    @Override
    public Map<String, Map<String, Object>> fieldsGet(String model, List<String> attributes) {
        return timed("fields_get", model, () -> client.fieldsGet(model, attributes));
    }

    @Override
    public Object call(String model, String method, List<Long> ids, Map<String, Object> kwargs) {
        return timed(method, model, () -> client.call(model, method, ids, kwargs));
    }

    @Override
    public void close() {
        client.close();
    }

    private <T> T timed(String method, String model, Supplier<T> call) {
        long start = System.nanoTime();
        String outcome = "ok";
        try {
            return call.get();
        } catch (RuntimeException e) {
            outcome = outcome(e);
            throw e;
        } finally {
            Timer.builder(METER).description("Odoo external API calls, with the client's retries")
                    .tag("method", method).tag("model", model).tag("outcome", outcome)
                    .register(registry).record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    static String outcome(RuntimeException e) {
        if (e instanceof OdooBusinessException) {
            return "business";
        }
        if (e instanceof OdooAccessException) {
            return "access";
        }
        if (e instanceof OdooOutcomeUnknownException) {
            return "outcome_unknown";
        }
        if (e instanceof OdooTransientException) {
            return "transient";
        }
        if (e instanceof OdooProtocolException) {
            return "protocol";
        }
        return "other";
    }
}
