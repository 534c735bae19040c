package io.finbatch.jobs.scheduling;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders of schedule parameters, resolved on the firing's date in the schedule's time zone:
 * {@code ${today}} (yyyy-mm-dd), {@code ${previousBusinessDay}} (the business calendar's last business day
 * before today), {@code ${periodToClose}} (the previous month, yyyy-mm) and {@code ${openPeriod}} (the month
 * of the previous business day, yyyy-mm: the period the last day's bookings fall in).
 */
public final class Placeholders {

    public static final Set<String> NAMES = Set.of("today", "previousBusinessDay", "periodToClose", "openPeriod");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    private Placeholders() {
    }

    /** The first unknown placeholder in {@code value}, or null. */
    public static String unknownIn(String value) {
        Matcher m = PLACEHOLDER.matcher(value);
        while (m.find()) {
            if (!NAMES.contains(m.group(1))) {
                return m.group();
            }
        }
        return null;
    }

    public static boolean hasPlaceholder(String value) {
        return PLACEHOLDER.matcher(value).find();
    }

    public static Map<String, String> resolve(Map<String, String> parameters, LocalDate today,
            BusinessCalendar calendar) {
        LocalDate previousBusinessDay = calendar.previousBusinessDay(today);
        Map<String, String> values = Map.of(
                "today", today.toString(),
                "previousBusinessDay", previousBusinessDay.toString(),
                "periodToClose", YearMonth.from(today).minusMonths(1).toString(),
                "openPeriod", YearMonth.from(previousBusinessDay).toString());
        Map<String, String> resolved = new LinkedHashMap<>();
        parameters.forEach((name, value) -> resolved.put(name, PLACEHOLDER.matcher(value)
                .replaceAll(m -> Matcher.quoteReplacement(values.get(m.group(1))))));
        return resolved;
    }
}
