package io.finbatch.odoosandbox;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a model does beyond the generic ORM: extra checks around create/write/unlink, and its own public methods. */
interface ModelHooks {

    ModelHooks NONE = new ModelHooks() {
    };

    /** Fills defaults that depend on other values (e.g. a move's company from its journal). */
    default void beforeCreate(Env env, Map<String, Object> vals) {
    }

    /** A model that creates its records itself (a statement line creates its move first) returns the new id. */
    default Long create(Env env, Map<String, Object> vals) {
        return null;
    }

    /** Constraints checked once the record and its lines exist (Odoo checks them at flush). */
    default void afterCreate(Env env, long id, Map<String, Object> vals) {
    }

    default void beforeWrite(Env env, List<Long> ids, Map<String, Object> vals) {
    }

    default void afterWrite(Env env, List<Long> ids, Map<String, Object> vals) {
    }

    default void beforeUnlink(Env env, List<Long> ids) {
    }

    default void afterUnlink(Env env, List<Long> ids, List<Map<String, Object>> removed) {
    }

    /** The model's own public methods, beyond search/read/create/write/unlink... */
    default Set<String> methods() {
        return Set.of();
    }

    default Object call(Env env, String method, List<Long> ids, Map<String, Object> kwargs) {
        throw new IllegalStateException(method);
    }
}
