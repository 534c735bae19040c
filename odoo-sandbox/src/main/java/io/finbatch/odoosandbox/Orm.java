package io.finbatch.odoosandbox;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The generic part of Odoo's ORM the sandbox needs: search, read, create, write, unlink, fields_get, name_search. */
final class Orm {

    private final SandboxDatabase db;

    Orm(SandboxDatabase db) {
        this.db = db;
    }

    // ---------------------------------------------------------------- search / read

    List<Long> search(Env env, String model, Object domainJson, long offset, Long limit, String order) {
        ModelDef def = db.model(model);
        Domain domain = Domain.parse(domainJson, def, db);
        List<Map<String, Object>> records = visible(env, def, domain);
        sort(env, def, records, order == null || order.isBlank() ? def.order : order);
        List<Long> ids = new ArrayList<>();
        for (int i = (int) Math.min(offset, records.size()); i < records.size(); i++) {
            if (limit != null && ids.size() >= limit) {
                break;
            }
            ids.add((Long) records.get(i).get("id"));
        }
        return ids;
    }

    /** Records the call may see: active ones (unless the domain or context says otherwise), of allowed companies. */
    List<Map<String, Object>> visible(Env env, ModelDef def, Domain domain) {
        boolean activeTest = def.hasActive && env.flag("active_test", true) && !domain.mentions("active");
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> rec : db.store(def.name).all()) {
            if (activeTest && !Boolean.TRUE.equals(db.raw(env, def, rec, "active"))) {
                continue;
            }
            if (def.companyField != null && !companyAllowed(env, db.raw(env, def, rec, def.companyField))) {
                continue;
            }
            if (domain.matches(db, env, rec)) {
                out.add(rec);
            }
        }
        return out;
    }

    private static boolean companyAllowed(Env env, Object company) {
        if (company instanceof Long id) {
            return env.allowedCompanyIds.contains(id);
        }
        if (company instanceof Collection<?> ids && !ids.isEmpty()) {
            return ids.stream().anyMatch(env.allowedCompanyIds::contains);
        }
        return true;
    }

    void sort(Env env, ModelDef def, List<Map<String, Object>> records, String order) {
        Comparator<Map<String, Object>> comparator = null;
        for (String part : order.split(",")) {
            String[] words = part.trim().split("\\s+");
            if (words[0].isEmpty()) {
                continue;
            }
            FieldDef field = def.field(words[0]);
            if (field == null || field.x2many()) {
                throw OdooError.builtin("ValueError", "Invalid field " + PyRepr.repr(words[0]) + " on model "
                        + PyRepr.repr(def.name));
            }
            boolean desc = words.length > 1 && words[1].equalsIgnoreCase("desc");
            Comparator<Map<String, Object>> key = (a, b) -> compareValues(db.raw(env, def, a, field.name),
                    db.raw(env, def, b, field.name), desc);
            comparator = comparator == null ? key : comparator.thenComparing(key);
        }
        Comparator<Map<String, Object>> byId = Comparator.comparing(r -> (Long) r.get("id"));
        records.sort(comparator == null ? byId : comparator.thenComparing(byId));
    }

    /** PostgreSQL's defaults: NULLS LAST ascending, NULLS FIRST descending; text compared case-insensitively. */
    private static int compareValues(Object a, Object b, boolean desc) {
        if (a == null || b == null) {
            if (a == b) {
                return 0;
            }
            return a == null ? 1 : -1; // nulls last ascending, and (reversed below) first descending
        }
        int cmp;
        if (a instanceof Number x && b instanceof Number y) {
            cmp = Double.compare(x.doubleValue(), y.doubleValue());
        } else if (a instanceof Boolean x && b instanceof Boolean y) {
            cmp = Boolean.compare(x, y);
        } else {
            cmp = String.CASE_INSENSITIVE_ORDER.compare(String.valueOf(a), String.valueOf(b));
            if (cmp == 0) {
                cmp = String.valueOf(a).compareTo(String.valueOf(b));
            }
        }
        return desc ? -cmp : cmp;
    }

    List<Map<String, Object>> read(Env env, String model, List<Long> ids, List<String> fields) {
        ModelDef def = db.model(model);
        requireExisting(def, ids);
        List<String> names = new ArrayList<>();
        if (fields == null || fields.isEmpty()) {
            names.addAll(def.fields.keySet());
        } else {
            for (String name : fields) {
                if (def.field(name) == null) {
                    throw OdooError.builtin("ValueError", "Invalid field " + PyRepr.repr(name) + " on model "
                            + PyRepr.repr(def.name));
                }
                names.add(name);
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Long id : ids) {
            Map<String, Object> rec = db.store(model).get(id);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", id);
            for (String name : names) {
                if (!"id".equals(name)) {
                    row.put(name, toApi(env, def.field(name), db.raw(env, def, rec, name)));
                }
            }
            out.add(row);
        }
        return out;
    }

    /** A raw value as the API shows it: many2one as [id, name], unset as false, numbers as 0. */
    Object toApi(Env env, FieldDef field, Object raw) {
        if (raw == null) {
            return field.emptyValue();
        }
        if ("many2one".equals(field.type)) {
            return List.of(raw, db.displayName(env, field.relation, (Long) raw));
        }
        return raw;
    }

    void requireExisting(ModelDef def, List<Long> ids) {
        List<Long> missing = new ArrayList<>();
        for (Long id : ids) {
            if (!db.store(def.name).exists(id)) {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            throw OdooError.missing(def.name, missing);
        }
    }

    // ---------------------------------------------------------------- create / write / unlink

    long create(Env env, String model, Map<String, Object> input) {
        ModelDef def = db.model(model);
        ModelHooks hooks = db.hooks(model);
        Map<String, Object> vals = new LinkedHashMap<>(input);
        checkFieldsExist(def, vals.keySet());
        Long custom = hooks.create(env, vals);
        if (custom != null) {
            return custom;
        }
        hooks.beforeCreate(env, vals);
        long id = db.store(model).allocateId();
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("id", id);
        Map<String, Object> later = new LinkedHashMap<>();
        for (FieldDef field : def.fields.values()) {
            if ("id".equals(field.name)) {
                continue;
            }
            if (!field.stored()) {
                if (vals.containsKey(field.name)) {
                    later.put(field.name, vals.get(field.name));
                }
                continue;
            }
            Object value = null;
            if (vals.containsKey(field.name)) {
                value = convert(def, field, vals.get(field.name), null);
            } else if (field.defaultValue != null) {
                value = convert(def, field, field.defaultValue.apply(env), null);
            }
            rec.put(field.name, value);
        }
        checkRequired(def, rec, def.requiredOrder);
        checkForeignKeys(def, rec, rec.keySet());
        String now = now();
        rec.put("create_date", now);
        rec.put("write_date", now);
        db.store(model).insert(rec);
        applyLater(env, def, rec, later);
        hooks.afterCreate(env, id, vals);
        return id;
    }

    void write(Env env, String model, List<Long> ids, Map<String, Object> vals) {
        ModelDef def = db.model(model);
        requireExisting(def, ids);
        checkFieldsExist(def, vals.keySet());
        ModelHooks hooks = db.hooks(model);
        hooks.beforeWrite(env, ids, vals);
        for (Long id : ids) {
            Map<String, Object> rec = db.store(model).get(id);
            if (rec == null) {
                continue; // removed by a cascade of an earlier command
            }
            Map<String, Object> later = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : vals.entrySet()) {
                FieldDef field = def.field(e.getKey());
                if ("id".equals(field.name)) {
                    continue;
                }
                if (field.stored()) {
                    db.store(model).set(id, field.name, convert(def, field, e.getValue(), rec.get(field.name)));
                } else {
                    later.put(field.name, e.getValue());
                }
            }
            List<String> required = new ArrayList<>(def.requiredOrder);
            required.retainAll(vals.keySet());
            checkRequired(def, rec, required);
            checkForeignKeys(def, rec, vals.keySet());
            applyLater(env, def, rec, later);
            touch(model, id);
        }
        hooks.afterWrite(env, ids, vals);
    }

    /** Odoo's {@code write_date}: the time of the last change (UTC, to the second, as Odoo reads it). */
    void touch(String model, long id) {
        if (db.store(model).exists(id) && db.model(model).field("write_date") != null) {
            db.store(model).set(id, "write_date", now());
        }
    }

    String now() {
        return java.time.LocalDateTime.now(db.options.clock())
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
    }

    private void applyLater(Env env, ModelDef def, Map<String, Object> rec, Map<String, Object> later) {
        for (Map.Entry<String, Object> e : later.entrySet()) {
            FieldDef field = def.field(e.getKey());
            if ("one2many".equals(field.type) && field.compute == null) {
                applyCommands(env, field, (Long) rec.get("id"), e.getValue());
            } else if (field.inverse != null) {
                field.inverse.write(db, env, rec, e.getValue());
            }
        }
    }

    /** Odoo's x2many commands on a one2many: (0, 0, vals) create, (1, id, vals) update, (2, id) delete... */
    private void applyCommands(Env env, FieldDef field, long parentId, Object commands) {
        List<Object> list = Json.asList(commands);
        if (list == null) {
            throw OdooError.builtin("ValueError", "Wrong value for " + field.name + ": " + PyRepr.repr(commands));
        }
        Env inner = env.withContext(SandboxDatabase.IN_PARENT_WRITE, true);
        for (Object item : list) {
            List<Object> command = Json.asList(item);
            if (command == null || command.isEmpty()) {
                throw OdooError.builtin("ValueError", "Wrong value for " + field.name + ": " + PyRepr.repr(item));
            }
            long code = Json.toLong(command.get(0));
            switch ((int) code) {
                case 0 -> {
                    Map<String, Object> vals = new LinkedHashMap<>(command.size() > 2 && command.get(2) != null
                            ? Json.asMap(command.get(2)) : Map.of());
                    vals.put(field.inverseName, parentId);
                    create(inner, field.relation, vals);
                }
                case 1 -> write(inner, field.relation, List.of(Json.toLong(command.get(1))), Json.asMap(command.get(2)));
                case 2, 3 -> unlink(inner, field.relation, List.of(Json.toLong(command.get(1))));
                case 4 -> write(inner, field.relation, List.of(Json.toLong(command.get(1))),
                        Map.of(field.inverseName, parentId));
                case 5 -> unlink(inner, field.relation, children(field, parentId));
                case 6 -> {
                    Set<Long> keep = new LinkedHashSet<>();
                    for (Object id : Json.asList(command.get(2))) {
                        keep.add(Json.toLong(id));
                    }
                    List<Long> drop = new ArrayList<>(children(field, parentId));
                    drop.removeAll(keep);
                    unlink(inner, field.relation, drop);
                    if (!keep.isEmpty()) {
                        write(inner, field.relation, new ArrayList<>(keep), Map.of(field.inverseName, parentId));
                    }
                }
                default -> throw OdooError.builtin("ValueError", "Unknown command " + code);
            }
        }
    }

    List<Long> children(FieldDef o2m, long parentId) {
        List<Long> ids = new ArrayList<>();
        for (Map<String, Object> rec : db.store(o2m.relation).all()) {
            if (Long.valueOf(parentId).equals(rec.get(o2m.inverseName))) {
                ids.add((Long) rec.get("id"));
            }
        }
        return ids;
    }

    void unlink(Env env, String model, List<Long> ids) {
        ModelDef def = db.model(model);
        List<Long> existing = new ArrayList<>();
        for (Long id : ids) {
            if (db.store(model).exists(id)) {
                existing.add(id);
            }
        }
        if (existing.isEmpty()) {
            return;
        }
        ModelHooks hooks = db.hooks(model);
        hooks.beforeUnlink(env, existing);
        List<Map<String, Object>> removed = new ArrayList<>();
        for (Long id : existing) {
            Map<String, Object> rec = db.store(model).get(id);
            if (rec == null) {
                continue;
            }
            for (ModelDef other : db.models()) {
                for (FieldDef field : other.fields.values()) {
                    if (!model.equals(field.relation) || !field.stored()) {
                        continue;
                    }
                    for (Map<String, Object> ref : db.store(other.name).all()) {
                        Object value = ref.get(field.name);
                        long refId = (Long) ref.get("id");
                        if ("many2one".equals(field.type) && id.equals(value)) {
                            if (field.cascade) {
                                unlink(env.withContext(SandboxDatabase.CASCADE, true), other.name, List.of(refId));
                            } else if (field.required) {
                                throw foreignKeyViolation(other, field);
                            } else {
                                db.store(other.name).set(refId, field.name, null);
                            }
                        } else if ("many2many".equals(field.type) && value instanceof List<?> list && list.contains(id)) {
                            List<Object> copy = new ArrayList<>(list);
                            copy.remove(id);
                            db.store(other.name).set(refId, field.name, copy);
                        }
                    }
                }
            }
            removed.add(ModelStore.copy(rec));
            db.store(model).remove(id);
        }
        hooks.afterUnlink(env, existing, removed);
    }

    // ---------------------------------------------------------------- values and constraints

    private static void checkFieldsExist(ModelDef def, Collection<String> names) {
        for (String name : names) {
            if (def.field(name) == null) {
                throw OdooError.builtin("ValueError", "Invalid field " + PyRepr.repr(name) + " in " + PyRepr.repr(def.name));
            }
        }
    }

    void checkRequired(ModelDef def, Map<String, Object> rec, List<String> names) {
        for (String name : names) {
            FieldDef field = def.field(name);
            if (field.stored() && rec.get(name) == null) {
                throw OdooError.validation("The operation cannot be completed: Missing required value for the field '"
                        + field.string + "' (" + field.name + ").\nModel: '" + def.description + "' (" + def.name
                        + ")\n- create/update: a mandatory field is not set\n"
                        + "- delete: another model requires the record being deleted, you can archive it instead\n");
            }
        }
    }

    private void checkForeignKeys(ModelDef def, Map<String, Object> rec, Collection<String> names) {
        for (String name : names) {
            FieldDef field = def.field(name);
            if (field == null || !field.relational() || !field.stored()) {
                continue;
            }
            Object value = rec.get(name);
            List<Object> ids = value instanceof List<?> list ? new ArrayList<>(list) : new ArrayList<>();
            if (value instanceof Long id) {
                ids.add(id);
            }
            for (Object id : ids) {
                if (db.model(field.relation) == null || !db.store(field.relation).exists((Long) id)) {
                    throw foreignKeyViolation(def, field);
                }
            }
        }
    }

    /** PostgreSQL's foreign key violation as Odoo words it (it cannot tell an insert from a delete). */
    static OdooError foreignKeyViolation(ModelDef def, FieldDef field) {
        return OdooError.validation("The operation cannot be completed: another model requires the record being "
                + "deleted. If possible, archive it instead.\n\nModel: " + def.description + " (" + def.name
                + ")\nConstraint: " + def.name.replace('.', '_') + "_" + field.name + "_fkey\n");
    }

    Object convert(ModelDef def, FieldDef field, Object value, Object current) {
        if (value == null || (Boolean.FALSE.equals(value) && !"boolean".equals(field.type))) {
            return "many2many".equals(field.type) ? new ArrayList<Long>() : null;
        }
        switch (field.type) {
            case "many2one":
                if (value instanceof List<?> pair && !pair.isEmpty()) {
                    return Json.toLong(pair.get(0));
                }
                return Json.toLong(value);
            case "many2many":
                return many2many(field, value, current);
            case "integer":
                return Json.toLong(value instanceof Boolean b ? (b ? 1L : 0L) : value);
            case "float", "monetary":
                if (value instanceof Number n) {
                    return n.doubleValue();
                }
                try {
                    return Double.parseDouble(String.valueOf(value));
                } catch (NumberFormatException e) {
                    throw OdooError.builtin("ValueError", "could not convert string to float: " + PyRepr.repr(value));
                }
            case "boolean":
                return Boolean.TRUE.equals(value) || (value instanceof Number n && n.doubleValue() != 0)
                        || (value instanceof String s && !s.isEmpty());
            case "date":
                return date(value);
            case "selection": {
                String s = String.valueOf(value);
                for (List<String> option : field.selection) {
                    if (option.get(0).equals(s)) {
                        return s;
                    }
                }
                throw OdooError.builtin("ValueError", "Wrong value for " + def.name + "." + field.name + ": "
                        + PyRepr.repr(value));
            }
            case "json":
                return value;
            default:
                return value instanceof String s ? s : String.valueOf(value);
        }
    }

    private static List<Long> many2many(FieldDef field, Object value, Object current) {
        List<Long> ids = new ArrayList<>();
        if (current instanceof List<?> list) {
            list.forEach(id -> ids.add((Long) id));
        }
        List<Object> items = Json.asList(value);
        if (items == null) {
            throw OdooError.builtin("ValueError", "Wrong value for " + field.name + ": " + PyRepr.repr(value));
        }
        if (items.isEmpty() || !(items.get(0) instanceof List)) {
            ids.clear();
            items.forEach(id -> ids.add(Json.toLong(id)));
            return ids;
        }
        for (Object item : items) {
            List<Object> command = Json.asList(item);
            int code = (int) Json.toLong(command.get(0));
            switch (code) {
                case 4 -> {
                    long id = Json.toLong(command.get(1));
                    if (!ids.contains(id)) {
                        ids.add(id);
                    }
                }
                case 3 -> ids.remove(Long.valueOf(Json.toLong(command.get(1))));
                case 5 -> ids.clear();
                case 6 -> {
                    ids.clear();
                    Json.asList(command.get(2)).forEach(id -> ids.add(Json.toLong(id)));
                }
                default -> throw OdooError.builtin("ValueError", "The sandbox supports the many2many commands 3, 4, 5"
                        + " and 6 only, not " + code);
            }
        }
        return ids;
    }

    static String date(Object value) {
        String s = String.valueOf(value);
        String day = s.length() >= 10 ? s.substring(0, 10) : s;
        try {
            return LocalDate.parse(day).toString();
        } catch (DateTimeParseException e) {
            throw OdooError.builtin("ValueError", "time data " + PyRepr.repr(s) + " does not match format '%Y-%m-%d'");
        }
    }

    // ---------------------------------------------------------------- fields_get / name_search

    Map<String, Object> fieldsGet(String model, List<String> allfields, List<String> attributes) {
        ModelDef def = db.model(model);
        Map<String, Object> out = new LinkedHashMap<>();
        for (FieldDef field : def.fields.values()) {
            if (allfields != null && !allfields.isEmpty() && !allfields.contains(field.name)) {
                continue;
            }
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("name", field.name);
            all.put("type", field.type);
            all.put("string", field.string);
            all.put("required", field.required);
            all.put("readonly", field.readonly);
            if (field.relational()) {
                all.put("relation", field.relation);
            }
            if (field.selection != null) {
                all.put("selection", field.selection);
            }
            all.put("store", field.stored() || field.compute == null);
            all.put("searchable", true);
            all.put("sortable", field.stored());
            if (attributes == null || attributes.isEmpty()) {
                out.put(field.name, all);
            } else {
                Map<String, Object> some = new LinkedHashMap<>();
                for (String attribute : attributes) {
                    if (all.containsKey(attribute)) {
                        some.put(attribute, all.get(attribute));
                    }
                }
                out.put(field.name, some);
            }
        }
        return out;
    }

    List<List<Object>> nameSearch(Env env, String model, String name, Object domainJson, String operator, Long limit) {
        ModelDef def = db.model(model);
        List<Map<String, Object>> records = visible(env, def, Domain.parse(domainJson, def, db));
        sort(env, def, records, def.order);
        List<List<Object>> out = new ArrayList<>();
        for (Map<String, Object> rec : records) {
            String display = def.displayName.of(db, env, rec);
            boolean match = name == null || name.isEmpty() || switch (operator) {
                case "=" -> display.equals(name);
                case "like" -> display.contains(name);
                case "=ilike" -> Domain.sqlLike(name, true).matcher(display).matches();
                case "=like" -> Domain.sqlLike(name, false).matcher(display).matches();
                default -> display.toLowerCase().contains(name.toLowerCase());
            };
            if (match) {
                out.add(List.of(rec.get("id"), display));
                if (limit != null && out.size() >= limit) {
                    break;
                }
            }
        }
        return out;
    }
}
