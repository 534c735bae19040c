package io.finbatch.writers.odoo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link OdooClient} over either transport: builds each ORM call with Odoo 19's parameter names,
 * picks the transport ({@code AUTO}: JSON-2 when the server is 19+ and serves it, else JSON-RPC), and
 * reads the results into the contract's types. One DEBUG line per call: transport, model, method,
 * duration and outcome, never arguments or values (they hold account numbers) nor the key.
 */
final class OdooApiClient implements OdooClient {

    private static final Logger log = LoggerFactory.getLogger(OdooApiClient.class);

    private final OdooSettings settings;
    private final JsonRpcTransport jsonRpc;
    private final Json2Transport json2;
    private final LongSupplier nanoTime;
    private OdooTransport transport;
    private OdooServerInfo serverInfo;
    private volatile boolean closed;

    OdooApiClient(OdooSettings settings, JsonRpcTransport jsonRpc, Json2Transport json2, LongSupplier nanoTime) {
        this.settings = settings;
        this.jsonRpc = jsonRpc;
        this.json2 = json2;
        this.nanoTime = nanoTime;
    }

    @Override
    public synchronized OdooServerInfo serverInfo() {
        ensureOpen();
        if (serverInfo == null) {
            serverInfo = logged("common", "version", this::askServerInfo);
        }
        return serverInfo;
    }

    @Override
    public OdooProtocol protocol() {
        ensureOpen();
        return transport().protocol();
    }

    @Override
    public long authenticate() {
        ensureOpen();
        return logged("common", "authenticate", () -> transport().authenticate());
    }

    @Override
    public List<Long> search(String model, List<?> domain, Integer limit, String order) {
        ModelCall call = new ModelCall(model, "search", null, Map.of("domain", domainOf(domain)),
                ModelCall.keywords("limit", limit, "order", order), false);
        return ids(invoke(call), call);
    }

    @Override
    public List<Map<String, Object>> searchRead(String model, List<?> domain, List<String> fields, Integer limit,
            String order) {
        ModelCall call = new ModelCall(model, "search_read", null, Map.of("domain", domainOf(domain)),
                ModelCall.keywords("fields", fields, "limit", limit, "order", order), false);
        return records(invoke(call), call);
    }

    @Override
    public long searchCount(String model, List<?> domain) {
        ModelCall call = new ModelCall(model, "search_count", null, Map.of("domain", domainOf(domain)), Map.of(),
                false);
        Object result = invoke(call);
        if (result instanceof Long count) {
            return count;
        }
        throw unexpected(call, result);
    }

    @Override
    public List<Map<String, Object>> read(String model, List<Long> ids, List<String> fields) {
        ModelCall call = new ModelCall(model, "read", requireIds(ids), Map.of(), ModelCall.keywords("fields", fields),
                false);
        return records(invoke(call), call);
    }

    @Override
    public List<Long> create(String model, List<Map<String, Object>> valsList) {
        if (valsList == null || valsList.isEmpty()) {
            throw new IllegalArgumentException("create needs at least one record");
        }
        ModelCall call = new ModelCall(model, "create", null, Map.of("vals_list", valsList), Map.of(), true);
        List<Long> ids = ids(invoke(call), call);
        if (ids.size() != valsList.size()) {
            throw new OdooProtocolException(null, call.describe() + " answered " + ids.size() + " ids for "
                    + valsList.size() + " records", null);
        }
        return ids;
    }

    @Override
    public void write(String model, List<Long> ids, Map<String, Object> values) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("write needs at least one value");
        }
        ModelCall call = new ModelCall(model, "write", requireIds(ids), Map.of("vals", values), Map.of(), true);
        Object result = invoke(call);
        if (!Boolean.TRUE.equals(result)) {
            throw unexpected(call, result);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Map<String, Object>> fieldsGet(String model, List<String> attributes) {
        ModelCall call = new ModelCall(model, "fields_get", null, Map.of(), ModelCall.keywords("attributes", attributes),
                false);
        Object result = invoke(call);
        if (result instanceof Map<?, ?> fields && fields.values().stream().allMatch(Map.class::isInstance)) {
            return (Map<String, Map<String, Object>>) fields;
        }
        throw unexpected(call, result);
    }

    @Override
    public Object call(String model, String method, List<Long> ids, Map<String, Object> kwargs) {
        ModelCall call = new ModelCall(model, method, ids, Map.of(), kwargs == null ? Map.of() : kwargs, true);
        return invoke(call);
    }

    @Override
    public void close() {
        // The JDK 17 HttpClient has no close(); its threads are daemons that end with it.
        closed = true;
    }

    private Object invoke(ModelCall call) {
        ensureOpen();
        return logged(call.model(), call.method(), () -> transport().execute(call));
    }

    /** The transport, chosen on first use (in AUTO mode that takes a version call and a JSON-2 probe). */
    private synchronized OdooTransport transport() {
        if (transport == null) {
            transport = switch (settings.protocol()) {
                case JSON_RPC -> jsonRpc;
                case JSON_2 -> json2;
                case AUTO -> chooseOnAuto(serverInfo().major());
            };
        }
        return transport;
    }

    /** JSON-2 when the server is 19+ and answers it (a 404 means it does not), else JSON-RPC; decided once. */
    private synchronized OdooTransport chooseOnAuto(int major) {
        if (transport == null) {
            transport = major >= 19 && json2.probe() ? json2 : jsonRpc;
            log.debug("Odoo {} at {}: spoken to over {}", major, settings.url(), transport.protocol());
        }
        return transport;
    }

    private OdooServerInfo askServerInfo() {
        Map<String, Object> version = jsonRpc.version();
        String serverVersion = version.get("server_version") instanceof String text ? text : null;
        if (serverVersion == null) {
            throw new OdooProtocolException(null, "common.version answered no server_version", null);
        }
        int major = majorOf(version.get("server_version_info"), serverVersion);
        boolean json2Available = switch (settings.protocol()) {
            case JSON_2 -> true;
            // Not probed when JSON-RPC is forced: every 19+ serves JSON-2 (it is part of the web module).
            case JSON_RPC -> major >= 19;
            case AUTO -> chooseOnAuto(major) == json2;
        };
        return new OdooServerInfo(serverVersion, major, json2Available);
    }

    /** {@code server_version_info[0]}, or the leading number of {@code server_version} ("saas~18.2" → 18). */
    private static int majorOf(Object versionInfo, String serverVersion) {
        if (versionInfo instanceof List<?> info && !info.isEmpty() && info.get(0) instanceof Long major) {
            return Math.toIntExact(major);
        }
        if (serverVersion != null) {
            String digits = serverVersion.replaceFirst("^\\D*", "").replaceFirst("\\D.*$", "");
            if (!digits.isEmpty()) {
                return Integer.parseInt(digits);
            }
        }
        throw new OdooProtocolException(null, "cannot tell Odoo's major version from its answer to common.version", null);
    }

    private <T> T logged(String model, String method, Supplier<T> action) {
        long start = nanoTime.getAsLong();
        String outcome = "error";
        try {
            T result = action.get();
            outcome = "ok";
            return result;
        } catch (OdooException e) {
            outcome = outcomeOf(e);
            throw e;
        } finally {
            if (log.isDebugEnabled()) {
                long millis = (nanoTime.getAsLong() - start) / 1_000_000;
                log.debug("Odoo {} {}.{} {} ms: {}", transportName(), model, method, millis, outcome);
            }
        }
    }

    private synchronized String transportName() {
        return transport == null ? settings.protocol().name() : transport.protocol().name();
    }

    private static String outcomeOf(OdooException e) {
        String kind;
        if (e instanceof OdooOutcomeUnknownException) {
            kind = "outcome unknown";
        } else if (e instanceof OdooTransientException) {
            kind = "transient";
        } else if (e instanceof OdooBusinessException) {
            kind = "business";
        } else if (e instanceof OdooAccessException) {
            kind = "access";
        } else {
            kind = "protocol";
        }
        return e.errorName() == null ? kind : kind + " " + e.errorName();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this Odoo client is closed");
        }
    }

    private static List<?> domainOf(List<?> domain) {
        return domain == null ? List.of() : domain;
    }

    private static List<Long> requireIds(List<Long> ids) {
        if (ids == null) {
            throw new IllegalArgumentException("ids must not be null");
        }
        return ids;
    }

    /** A list of ids; a bare id is accepted too (Odoo answers one when {@code create} got a single dict). */
    private static List<Long> ids(Object result, ModelCall call) {
        if (result instanceof Long id) {
            return List.of(id);
        }
        if (result instanceof List<?> list) {
            List<Long> ids = new ArrayList<>(list.size());
            for (Object element : list) {
                ids.add(OdooJson.toId(element, call.describe() + "'s answer"));
            }
            return Collections.unmodifiableList(ids);
        }
        throw unexpected(call, result);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> records(Object result, ModelCall call) {
        if (result instanceof List<?> list && list.stream().allMatch(Map.class::isInstance)) {
            return (List<Map<String, Object>>) list;
        }
        throw unexpected(call, result);
    }

    private static OdooProtocolException unexpected(ModelCall call, Object result) {
        return new OdooProtocolException(null, call.describe() + " answered " + OdooJson.describe(result), null);
    }

    @Override
    public String toString() {
        return "OdooClient[" + settings + "]";
    }
}
