package io.finbatch.odoosandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A sandbox model: its technical name, Odoo's description, fields in Odoo's order and default search order. */
final class ModelDef {

    /** Computes the display name of a record (many2one values are read back as {@code [id, display name]}). */
    interface DisplayName {
        String of(SandboxDatabase db, Env env, Map<String, Object> record);
    }

    final String name;
    final String description;
    final Map<String, FieldDef> fields = new LinkedHashMap<>();
    /** The order of the NOT NULL checks, i.e. which missing required field Odoo names first. */
    final List<String> requiredOrder = new ArrayList<>();
    String order = "id";
    DisplayName displayName = (db, env, rec) -> String.valueOf(rec.get("name"));
    /** The field that carries the company for multi-company filtering (null: not company-dependent). */
    String companyField;
    boolean hasActive;

    ModelDef(String name, String description) {
        this.name = name;
        this.description = description;
        add(FieldDef.of("id", "integer", "ID").readonly());
    }

    ModelDef add(FieldDef field) {
        fields.put(field.name, field);
        if (field.required && !"id".equals(field.name)) {
            requiredOrder.add(field.name);
        }
        if ("active".equals(field.name)) {
            hasActive = true;
        }
        return this;
    }

    ModelDef order(String order) {
        this.order = order;
        return this;
    }

    ModelDef displayName(DisplayName displayName) {
        this.displayName = displayName;
        return this;
    }

    ModelDef company(String field) {
        this.companyField = field;
        return this;
    }

    /** Puts the named required fields first in the NOT NULL check order (the rest keep field order). */
    ModelDef checkRequiredFirst(String... names) {
        for (int i = names.length - 1; i >= 0; i--) {
            requiredOrder.remove(names[i]);
            requiredOrder.add(0, names[i]);
        }
        return this;
    }

    FieldDef field(String name) {
        return fields.get(name);
    }
}
