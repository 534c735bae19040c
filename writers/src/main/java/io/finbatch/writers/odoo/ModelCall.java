package io.finbatch.writers.odoo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One model method call, described so that either transport can send it. Arguments are named after
 * the Python parameters of Odoo 19's ORM ({@code search_read(domain, fields, offset, limit, order)},
 * {@code create(vals_list)}, {@code write(vals)}, {@code fields_get(allfields, attributes)}...):
 * JSON-2 sends every argument by name, JSON-RPC's {@code execute_kw} sends the {@code positional} ones
 * in order after the ids and the {@code keywords} as kwargs, as Odoo's own clients do.
 *
 * @param ids         the records the method runs on, or null for a model method ({@code @api.model})
 * @param changesData true when sending it twice could change data twice (see {@link RetryingCaller})
 */
record ModelCall(String model, String method, List<Long> ids, Map<String, Object> positional,
        Map<String, Object> keywords, boolean changesData) {

    /** Odoo model and method names; anything else could walk out of the {@code /json/2/} path. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.]*");

    ModelCall {
        if (model == null || !NAME.matcher(model).matches()) {
            throw new IllegalArgumentException("not an Odoo model name: " + model);
        }
        if (method == null || !NAME.matcher(method).matches() || method.contains(".")) {
            throw new IllegalArgumentException("not an Odoo method name: " + method);
        }
        ids = ids == null ? null : List.copyOf(ids);
        positional = Collections.unmodifiableMap(new LinkedHashMap<>(positional));
        keywords = Collections.unmodifiableMap(withoutNulls(keywords));
    }

    /** A call whose keyword arguments left out (null) are simply not sent: Odoo's defaults apply. */
    static Map<String, Object> keywords(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    /** {@code execute_kw}'s {@code args}: the ids (when the method runs on records), then the positional arguments. */
    List<Object> positionalArgs() {
        List<Object> args = new ArrayList<>();
        if (ids != null) {
            args.add(ids);
        }
        args.addAll(positional.values());
        return args;
    }

    /** Model and method, for messages and logs: {@code account.move.create}. */
    String describe() {
        return model + "." + method;
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((name, value) -> {
            if (value != null) {
                copy.put(name, value);
            }
        });
        return copy;
    }
}
