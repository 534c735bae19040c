package io.finbatch.odoosandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The public model methods the sandbox answers and their Python signatures, so that arguments bind the way Odoo
 * binds them: positionally over JSON-RPC ({@code execute_kw}), by name over JSON-2.
 */
final class Methods {

    /** {@code apiModel}: an {@code @api.model} method (no record ids). {@code extraKwargs}: keywords passed through. */
    record Signature(String name, boolean apiModel, List<Param> params, Set<String> extraKwargs) {
    }

    record Param(String name, boolean required, Object defaultValue) {
    }

    private static final Map<String, Signature> GENERIC = new LinkedHashMap<>();
    private static final Map<String, Signature> SPECIFIC = new LinkedHashMap<>();

    static {
        generic("search", true, req("domain"), opt("offset", 0L), opt("limit", null), opt("order", null));
        GENERIC.put("search_read", new Signature("search_read", true, List.of(opt("domain", null), opt("fields", null),
                opt("offset", 0L), opt("limit", null), opt("order", null)), Set.of("load")));
        generic("search_count", true, req("domain"), opt("limit", null));
        generic("read", false, opt("fields", null), opt("load", "_classic_read"));
        generic("create", true, req("vals_list"));
        generic("write", false, req("vals"));
        generic("unlink", false);
        generic("exists", false);
        generic("fields_get", true, opt("allfields", null), opt("attributes", null));
        generic("name_search", true, opt("name", ""), opt("domain", null), opt("operator", "ilike"), opt("limit", 100L));
        SPECIFIC.put("account.move/action_post", new Signature("action_post", false, List.of(), Set.of()));
        SPECIFIC.put("account.move/button_draft", new Signature("button_draft", false, List.of(), Set.of()));
        SPECIFIC.put("res.users/context_get", new Signature("context_get", true, List.of(), Set.of()));
    }

    private Methods() {
    }

    private static void generic(String name, boolean apiModel, Param... params) {
        GENERIC.put(name, new Signature(name, apiModel, List.of(params), Set.of()));
    }

    private static Param req(String name) {
        return new Param(name, true, null);
    }

    private static Param opt(String name, Object defaultValue) {
        return new Param(name, false, defaultValue);
    }

    /** The method's signature, or null when the model has no such public method. */
    static Signature lookup(String model, String method) {
        Signature specific = SPECIFIC.get(model + "/" + method);
        return specific != null ? specific : GENERIC.get(method);
    }

    /** JSON-2: every argument is named; unknown names are a 422 like Python's {@code signature.bind}. */
    static Map<String, Object> bindNamed(Signature signature, Map<String, Object> named) {
        Map<String, Object> bound = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : named.entrySet()) {
            if (signature.params().stream().noneMatch(p -> p.name().equals(e.getKey()))
                    && !signature.extraKwargs().contains(e.getKey())) {
                throw OdooError.http("UnprocessableEntity", "got an unexpected keyword argument '" + e.getKey() + "'", 422);
            }
            bound.put(e.getKey(), e.getValue());
        }
        for (Param p : signature.params()) {
            if (!bound.containsKey(p.name())) {
                if (p.required()) {
                    throw OdooError.http("UnprocessableEntity", "missing a required argument: '" + p.name() + "'", 422);
                }
                bound.put(p.name(), p.defaultValue());
            }
        }
        return bound;
    }

    /** JSON-RPC: positional arguments then keywords; mistakes are a Python TypeError. */
    static Map<String, Object> bindPositional(Signature signature, List<Object> args, Map<String, Object> kwargs) {
        String where = "BaseModel." + signature.name() + "()";
        if (args.size() > signature.params().size()) {
            throw OdooError.builtin("TypeError", where + " takes " + (signature.params().size() + 1)
                    + " positional arguments but " + (args.size() + 1) + " were given");
        }
        Map<String, Object> bound = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            bound.put(signature.params().get(i).name(), args.get(i));
        }
        for (Map.Entry<String, Object> e : kwargs.entrySet()) {
            boolean known = signature.params().stream().anyMatch(p -> p.name().equals(e.getKey()))
                    || signature.extraKwargs().contains(e.getKey());
            if (!known) {
                throw OdooError.builtin("TypeError", where + " got an unexpected keyword argument '" + e.getKey() + "'");
            }
            if (bound.containsKey(e.getKey())) {
                throw OdooError.builtin("TypeError", where + " got multiple values for argument '" + e.getKey() + "'");
            }
            bound.put(e.getKey(), e.getValue());
        }
        for (Param p : signature.params()) {
            if (!bound.containsKey(p.name())) {
                if (p.required()) {
                    throw OdooError.builtin("TypeError", where + " missing 1 required positional argument: '"
                            + p.name() + "'");
                }
                bound.put(p.name(), p.defaultValue());
            }
        }
        return bound;
    }

    /** Record ids as Odoo accepts them: a list, or a single id. */
    static List<Long> ids(Object value) {
        List<Long> ids = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object id : list) {
                ids.add(Json.toLong(id));
            }
        } else if (value != null && !Boolean.FALSE.equals(value)) {
            ids.add(Json.toLong(value));
        }
        return ids;
    }
}
