package io.finbatch.writers.extract;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The placeholders an extract query may use, all derived from the period and the as-of instant:
 * {@code :period} (text yyyy-mm), {@code :period_start} and {@code :period_end} (dates), {@code :as_of}
 * (timestamp with time zone, bound in UTC).
 */
public final class ExtractParameters {

    public static final Set<String> KNOWN = Set.of("period", "period_start", "period_end", "as_of");

    private ExtractParameters() {
    }

    /** JDBC values of the parameters the definition declares, in its order. */
    public static Map<String, Object> values(ExtractDefinition definition, YearMonth period, Instant asOf) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ExtractParameter parameter : definition.parameters()) {
            values.put(parameter.name(), value(parameter.name(), period, asOf));
        }
        return values;
    }

    /** The same as text, for manifests: dates ISO, the as-of instant ISO in UTC. */
    public static Map<String, String> display(ExtractDefinition definition, YearMonth period, Instant asOf) {
        Map<String, String> shown = new LinkedHashMap<>();
        for (ExtractParameter parameter : definition.parameters()) {
            Object value = value(parameter.name(), period, asOf);
            shown.put(parameter.name(), value instanceof OffsetDateTime ? asOf.toString() : value.toString());
        }
        return shown;
    }

    static List<String> known() {
        return KNOWN.stream().sorted().toList();
    }

    private static Object value(String name, YearMonth period, Instant asOf) {
        return switch (name) {
            case "period" -> period.toString();
            case "period_start" -> period.atDay(1);
            case "period_end" -> period.atEndOfMonth();
            case "as_of" -> OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC);
            default -> throw new IllegalArgumentException("unknown extract parameter :" + name + " (known: "
                    + known() + ")");
        };
    }

}
