package io.finbatch.odoosandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The in-memory Odoo database: one {@link ModelStore} per model, and calls run one at a time, each as a transaction
 * (all or nothing: a failing call leaves no trace but the ids it consumed). After every call that changed data the
 * state file, when configured, is rewritten.
 */
final class SandboxDatabase {

    /** Context key set while a parent writes its lines (their balance is checked once, by the parent). */
    static final String IN_PARENT_WRITE = "sandbox_in_parent_write";
    /** Context key set while records are deleted because their parent is. */
    static final String CASCADE = "sandbox_cascade";

    final SandboxOptions options;
    final Orm orm;
    final Accounting accounting;
    final LockDates lockDates;
    private final Map<String, ModelDef> models;
    private final Map<String, ModelStore> stores = new LinkedHashMap<>();
    private final Map<String, ModelHooks> hooks = new HashMap<>();
    private Map<ModelStore, Map<Long, Map<String, Object>>> undo;

    /** What a call returned, and whether it changed data (a committing call). */
    record Result(Object value, boolean committed) {
    }

    SandboxDatabase(SandboxOptions options) {
        this.options = options;
        this.orm = new Orm(this);
        this.lockDates = new LockDates(this);
        this.accounting = new Accounting(this);
        this.models = Schema.build(options, this);
        for (ModelDef def : models.values()) {
            stores.put(def.name, new ModelStore(def, this));
        }
        accounting.registerHooks(hooks);
        hooks.put("res.company", lockDates.companyHooks());
    }

    // ---------------------------------------------------------------- lookups used by the ORM and the rules

    ModelDef model(String name) {
        return models.get(name);
    }

    Collection<ModelDef> models() {
        return models.values();
    }

    ModelStore store(String model) {
        return stores.get(model);
    }

    ModelHooks hooks(String model) {
        return hooks.getOrDefault(model, ModelHooks.NONE);
    }

    Map<String, Object> record(String model, Long id) {
        return id == null ? null : stores.get(model).get(id);
    }

    /** A field's value as the rules see it: stored, computed, or (one2many) the ids of the children. */
    Object raw(Env env, ModelDef def, Map<String, Object> record, String field) {
        FieldDef f = def.field(field);
        if (f.compute != null) {
            return f.compute.value(this, env, record);
        }
        if (f.readAs != null) {
            return f.readAs.value(this, env, record);
        }
        if ("one2many".equals(f.type)) {
            ModelDef comodel = model(f.relation);
            List<Map<String, Object>> children = new ArrayList<>();
            for (Long id : orm.children(f, (Long) record.get("id"))) {
                children.add(store(f.relation).get(id));
            }
            orm.sort(env, comodel, children, comodel.order);
            List<Long> ids = new ArrayList<>();
            children.forEach(c -> ids.add((Long) c.get("id")));
            return ids;
        }
        return record.get(field);
    }

    Object raw(Env env, String model, Long id, String field) {
        Map<String, Object> rec = record(model, id);
        return rec == null ? null : raw(env, model(model), rec, field);
    }

    String displayName(Env env, String model, Long id) {
        ModelDef def = model(model);
        Map<String, Object> rec = def == null ? null : store(model).get(id);
        return rec == null ? "" : def.displayName.of(this, env, rec);
    }

    FieldDef fieldAt(ModelDef def, String[] path) {
        ModelDef current = def;
        FieldDef field = null;
        for (String part : path) {
            field = current.field(part);
            if (field.relational() && model(field.relation) != null) {
                current = model(field.relation);
            }
        }
        return field;
    }

    Env env(Map<String, Object> context) {
        Map<String, Object> user = store("res.users").get(OdooSandbox.ADMIN_UID);
        List<Long> companies = new ArrayList<>();
        ((List<?>) user.get("company_ids")).forEach(id -> companies.add((Long) id));
        return Env.of(context, companies, (Long) user.get("company_id"), java.time.LocalDate.now(options.clock()));
    }

    // ---------------------------------------------------------------- transactions

    /** Remembers a record's state before its first change in the running call. */
    void touch(ModelStore store, long id) {
        if (undo == null) {
            return;
        }
        Map<Long, Map<String, Object>> before = undo.computeIfAbsent(store, s -> new HashMap<>());
        if (!before.containsKey(id)) {
            Map<String, Object> rec = store.get(id);
            before.put(id, rec == null ? null : ModelStore.copy(rec));
        }
    }

    /** Runs one call as a transaction. */
    synchronized Result call(Env env, String model, String method, List<Long> ids, Map<String, Object> kwargs) {
        undo = new HashMap<>();
        try {
            Object value = execute(env, model, method, ids, kwargs);
            boolean changed = !undo.isEmpty();
            undo = null;
            if (changed) {
                persist();
            }
            return new Result(value, changed);
        } catch (RuntimeException e) {
            rollback();
            persistConsumedIds();
            throw e;
        } finally {
            undo = null;
        }
    }

    /** Runs test or seed code as one transaction (the programmatic API of {@link OdooSandbox}). */
    synchronized <T> T inTransaction(java.util.function.Supplier<T> work) {
        undo = new HashMap<>();
        try {
            T value = work.get();
            boolean changed = !undo.isEmpty();
            undo = null;
            if (changed) {
                persist();
            }
            return value;
        } catch (RuntimeException e) {
            rollback();
            throw e;
        } finally {
            undo = null;
        }
    }

    private void rollback() {
        if (undo == null) {
            return;
        }
        for (Map.Entry<ModelStore, Map<Long, Map<String, Object>>> e : undo.entrySet()) {
            e.getValue().forEach((id, before) -> e.getKey().restore(id, before));
        }
        undo = null;
    }

    private Object execute(Env env, String model, String method, List<Long> ids, Map<String, Object> kw) {
        switch (method) {
            case "search":
                return orm.search(env, model, kw.get("domain"), offset(kw), limit(kw.get("limit")), text(kw.get("order")));
            case "search_read": {
                List<Long> found = orm.search(env, model, kw.get("domain"), offset(kw), limit(kw.get("limit")),
                        text(kw.get("order")));
                return orm.read(env, model, found, strings(kw.get("fields")));
            }
            case "search_count": {
                int count = orm.search(env, model, kw.get("domain"), 0, null, null).size();
                Long limit = limit(kw.get("limit"));
                return (long) (limit == null ? count : Math.min(count, limit));
            }
            case "read":
                return orm.read(env, model, ids, strings(kw.get("fields")));
            case "create": {
                Object valsList = kw.get("vals_list");
                List<Object> list = valsList instanceof Map ? List.of(valsList) : Json.asList(valsList);
                if (list == null) {
                    throw OdooError.builtin("TypeError", "create() expects a dict or a list of dicts, not "
                            + Json.pyType(valsList));
                }
                List<Long> created = new ArrayList<>();
                for (Object vals : list) {
                    Map<String, Object> map = Json.asMap(vals);
                    if (map == null) {
                        throw OdooError.builtin("AttributeError", "'" + Json.pyType(vals) + "' object has no attribute 'items'");
                    }
                    created.add(orm.create(env, model, map));
                }
                return created;
            }
            case "write": {
                Map<String, Object> vals = Json.asMap(kw.get("vals"));
                if (vals == null) {
                    throw OdooError.builtin("AttributeError", "'" + Json.pyType(kw.get("vals"))
                            + "' object has no attribute 'items'");
                }
                orm.write(env, model, ids, vals);
                return true;
            }
            case "unlink":
                orm.requireExisting(model(model), ids);
                orm.unlink(env, model, ids);
                return true;
            case "exists": {
                List<Long> existing = new ArrayList<>();
                ids.stream().filter(id -> store(model).exists(id)).forEach(existing::add);
                return existing;
            }
            case "fields_get":
                return orm.fieldsGet(model, strings(kw.get("allfields")), strings(kw.get("attributes")));
            case "name_search":
                return orm.nameSearch(env, model, text(kw.get("name")), kw.get("domain"),
                        String.valueOf(kw.get("operator")), limit(kw.get("limit")));
            default:
                return hooks(model).call(env, method, ids, kw);
        }
    }

    private static long offset(Map<String, Object> kw) {
        Object value = kw.get("offset");
        return value == null || Boolean.FALSE.equals(value) ? 0 : Json.toLong(value);
    }

    private static Long limit(Object value) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return null;
        }
        long limit = Json.toLong(value);
        return limit <= 0 ? null : limit;
    }

    private static String text(Object value) {
        return value == null || Boolean.FALSE.equals(value) ? null : String.valueOf(value);
    }

    private static List<String> strings(Object value) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> out.add(String.valueOf(v)));
        } else {
            out.add(String.valueOf(value));
        }
        return out;
    }

    // ---------------------------------------------------------------- state: reset, snapshot, persistence

    synchronized void reset() {
        stores.values().forEach(ModelStore::clear);
        inTransaction(() -> {
            SeedData.load(this, options.seed());
            return null;
        });
        persist();
    }

    synchronized Map<String, Object> snapshot() {
        Map<String, Object> nextIds = new TreeMap<>();
        Map<String, Object> records = new TreeMap<>();
        for (ModelStore store : stores.values()) {
            nextIds.put(store.def.name, store.nextId());
            records.put(store.def.name, store.all());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", 1L);
        out.put("serverVersion", options.serverVersion());
        out.put("nextIds", nextIds);
        out.put("records", records);
        return out;
    }

    synchronized void load(Map<String, Object> snapshot) {
        stores.values().forEach(ModelStore::clear);
        Map<String, Object> records = Json.asMap(snapshot.get("records"));
        for (Map.Entry<String, Object> e : records.entrySet()) {
            ModelStore store = stores.get(e.getKey());
            if (store == null) {
                continue;
            }
            for (Object item : Json.asList(e.getValue())) {
                Map<String, Object> rec = new LinkedHashMap<>(Json.asMap(item));
                store.restore((Long) rec.get("id"), rec);
                store.nextId((Long) rec.get("id") + 1);
            }
        }
        Json.asMap(snapshot.get("nextIds")).forEach((model, next) -> {
            if (stores.containsKey(model)) {
                stores.get(model).nextId((Long) next);
            }
        });
    }

    /** A failed call still consumed ids (like a PostgreSQL sequence): keep the counters across restarts. */
    private void persistConsumedIds() {
        try {
            persist();
        } catch (UncheckedIOException ignored) {
            // the call's own error is what the caller must see
        }
    }

    private void persist() {
        Path file = options.stateFile();
        if (file == null) {
            return;
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            Files.write(tmp, Json.write(snapshot()));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sandbox state file " + file, e);
        }
    }
}
