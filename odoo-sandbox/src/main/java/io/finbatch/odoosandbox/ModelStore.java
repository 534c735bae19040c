package io.finbatch.odoosandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The records of one model, by id. Every change goes through {@link SandboxDatabase#touch} first so that the
 * running call can be rolled back. The id counter is not rolled back, like a PostgreSQL sequence: a failed
 * create consumes ids, as it does in Odoo.
 */
final class ModelStore {

    final ModelDef def;
    private final SandboxDatabase db;
    private final TreeMap<Long, Map<String, Object>> records = new TreeMap<>();
    private long nextId = 1;

    ModelStore(ModelDef def, SandboxDatabase db) {
        this.def = def;
        this.db = db;
    }

    long allocateId() {
        return nextId++;
    }

    long nextId() {
        return nextId;
    }

    void nextId(long value) {
        nextId = Math.max(nextId, value);
    }

    Map<String, Object> get(long id) {
        return records.get(id);
    }

    boolean exists(long id) {
        return records.containsKey(id);
    }

    List<Map<String, Object>> all() {
        return new ArrayList<>(records.values());
    }

    int size() {
        return records.size();
    }

    void insert(Map<String, Object> record) {
        long id = (Long) record.get("id");
        db.touch(this, id);
        records.put(id, record);
        nextId(id + 1);
    }

    void set(long id, String field, Object value) {
        db.touch(this, id);
        records.get(id).put(field, value);
    }

    void remove(long id) {
        db.touch(this, id);
        records.remove(id);
    }

    /** Used by rollback and state loading only: bypasses the undo log. */
    void restore(long id, Map<String, Object> record) {
        if (record == null) {
            records.remove(id);
        } else {
            records.put(id, record);
        }
    }

    void clear() {
        records.clear();
        nextId = 1;
    }

    static Map<String, Object> copy(Map<String, Object> record) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : record.entrySet()) {
            Object v = e.getValue();
            copy.put(e.getKey(), v instanceof List<?> list ? new ArrayList<>(list) : v);
        }
        return copy;
    }
}
