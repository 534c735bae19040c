package io.finbatch.odoosandbox;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** JSON in and out, as plain Java values: Map, List, String, Long, Double, Boolean, null. */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    static Object parse(byte[] body) {
        return normalize(MAPPER.readValue(body, Object.class));
    }

    static Object parse(String body) {
        return normalize(MAPPER.readValue(body, Object.class));
    }

    static byte[] write(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    static String writeString(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** Integers become Long and decimals Double, in maps kept in their order. */
    static Object normalize(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), normalize(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(normalize(v)));
            return out;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof BigInteger) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float || value instanceof BigDecimal) {
            return ((Number) value).doubleValue();
        }
        return value;
    }

    static long toLong(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s) {
            return Long.parseLong(s.trim());
        }
        throw OdooError.builtin("TypeError", "int() argument must be a string, a bytes-like object or a real number, not '"
                + pyType(value) + "'");
    }

    static String pyType(Object value) {
        if (value == null) {
            return "NoneType";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Long || value instanceof Integer) {
            return "int";
        }
        if (value instanceof Double) {
            return "float";
        }
        if (value instanceof String) {
            return "str";
        }
        if (value instanceof List) {
            return "list";
        }
        return "dict";
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : null;
    }

    @SuppressWarnings("unchecked")
    static List<Object> asList(Object value) {
        return value instanceof List<?> ? (List<Object>) value : null;
    }
}
