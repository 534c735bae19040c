package io.finbatch.writers.odoo;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON as Odoo speaks it, mapped to plain Java: integers become {@code Long} (ids never overflow an
 * {@code int} silently), decimals become {@code BigDecimal} read from the text (money never passes
 * through a binary {@code double}), {@code false} stays {@code Boolean.FALSE}, arrays become lists (a
 * many2one is {@code [id, "name"]}), objects become insertion-ordered maps. What we send is written
 * the same way: a {@code BigDecimal} as a plain JSON number ({@code 1000}, never {@code 1E+3}), a
 * {@code LocalDate} as {@code "2026-11-26"}.
 */
final class OdooJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private OdooJson() {
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JacksonException e) {
            // Never echo the value: it may hold account numbers.
            throw new IllegalArgumentException("cannot write the call's arguments as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses a body; a body that is not JSON is Odoo's (or a proxy's) fault, so a protocol error. */
    static JsonNode read(String body, String what) {
        try {
            return MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new OdooProtocolException(null, what + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The tree as plain Java values (see the class comment); collections are unmodifiable. */
    static Object toJava(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (JsonNode element : node) {
                list.add(toJava(element));
            }
            return Collections.unmodifiableList(list);
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                map.put(property.getKey(), toJava(property.getValue()));
            }
            return Collections.unmodifiableMap(map);
        }
        throw new OdooProtocolException(null, "unexpected JSON value of type " + node.getNodeType(), null);
    }

    /** A JSON value that should be an id: {@code Long}, or a protocol error naming what was expected. */
    static long toId(Object value, String what) {
        if (value instanceof Long id) {
            return id;
        }
        if (value instanceof BigInteger || value instanceof BigDecimal) {
            throw new OdooProtocolException(null, what + " is not an id within range: " + value, null);
        }
        throw new OdooProtocolException(null, what + " should be an id but is " + describe(value), null);
    }

    /** What a value is, without showing it (values may hold account numbers). */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        if (value instanceof List<?> list) {
            return "a list of " + list.size();
        }
        if (value instanceof Map<?, ?> map) {
            return "an object with " + map.size() + " members";
        }
        return "a " + value.getClass().getSimpleName();
    }
}
