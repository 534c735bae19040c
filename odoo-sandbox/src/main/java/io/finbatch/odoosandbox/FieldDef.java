package io.finbatch.odoosandbox;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One field of a sandbox model, with the attributes {@code fields_get} reports. A field is either stored (its value
 * lives in the record) or computed from the record by {@link #compute}; computed fields are readable and searchable
 * like stored ones, and writable only when {@link #inverse} is set.
 */
final class FieldDef {

    /** Computes a field's raw value (ids for relations, null for unset) from a record. */
    interface Compute {
        Object value(SandboxDatabase db, Env env, Map<String, Object> record);
    }

    /** Writes a computed field's value somewhere else (e.g. a statement line's {@code ref} on its move). */
    interface Inverse {
        void write(SandboxDatabase db, Env env, Map<String, Object> record, Object value);
    }

    final String name;
    final String type;
    final String string;
    String relation;
    /** For one2many: the many2one field of the comodel pointing back. */
    String inverseName;
    boolean required;
    boolean readonly;
    List<List<String>> selection;
    Function<Env, Object> defaultValue;
    Compute compute;
    /** A stored field whose value reads differently by context (a company-dependent account code). */
    Compute readAs;
    Inverse inverse;
    /** For many2one: deleting the target deletes this record too (Odoo's {@code ondelete='cascade'}). */
    boolean cascade;

    private FieldDef(String name, String type, String string) {
        this.name = name;
        this.type = type;
        this.string = string;
    }

    static FieldDef of(String name, String type, String string) {
        return new FieldDef(name, type, string);
    }

    static FieldDef many2one(String name, String string, String relation) {
        FieldDef f = new FieldDef(name, "many2one", string);
        f.relation = relation;
        return f;
    }

    static FieldDef one2many(String name, String string, String relation, String inverseName) {
        FieldDef f = new FieldDef(name, "one2many", string);
        f.relation = relation;
        f.inverseName = inverseName;
        return f;
    }

    static FieldDef many2many(String name, String string, String relation) {
        FieldDef f = new FieldDef(name, "many2many", string);
        f.relation = relation;
        return f;
    }

    static FieldDef selection(String name, String string, String... valueLabelPairs) {
        FieldDef f = new FieldDef(name, "selection", string);
        List<List<String>> values = new java.util.ArrayList<>();
        for (int i = 0; i < valueLabelPairs.length; i += 2) {
            values.add(List.of(valueLabelPairs[i], valueLabelPairs[i + 1]));
        }
        f.selection = values;
        return f;
    }

    FieldDef required() {
        this.required = true;
        return this;
    }

    FieldDef readonly() {
        this.readonly = true;
        return this;
    }

    FieldDef cascade() {
        this.cascade = true;
        return this;
    }

    FieldDef defaultTo(Object value) {
        this.defaultValue = env -> value;
        return this;
    }

    FieldDef defaultFrom(Function<Env, Object> value) {
        this.defaultValue = value;
        return this;
    }

    FieldDef computed(Compute compute) {
        this.compute = compute;
        this.readonly = true;
        return this;
    }

    FieldDef inverse(Inverse inverse) {
        this.inverse = inverse;
        this.readonly = false;
        return this;
    }

    boolean stored() {
        return compute == null && !"one2many".equals(type);
    }

    boolean relational() {
        return relation != null;
    }

    boolean x2many() {
        return "one2many".equals(type) || "many2many".equals(type);
    }

    /** What a read answers for an unset value: Odoo's {@code False}, or 0 / 0.0 / [] for numbers and x2many. */
    Object emptyValue() {
        return switch (type) {
            case "integer" -> 0L;
            case "float", "monetary" -> 0.0;
            case "one2many", "many2many" -> List.of();
            default -> Boolean.FALSE;
        };
    }
}
