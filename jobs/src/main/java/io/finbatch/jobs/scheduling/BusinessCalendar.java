package io.finbatch.jobs.scheduling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A country's business days: Monday to Friday except the holidays of its CSV ({@code date,name}, a header
 * line, {@code #} comments).
 */
public record BusinessCalendar(String country, Map<LocalDate, String> holidays) {

    public BusinessCalendar {
        holidays = Map.copyOf(holidays);
    }

    /** Every Monday to Friday is a business day. */
    public static BusinessCalendar weekdays() {
        return new BusinessCalendar(null, Map.of());
    }

    public boolean isBusinessDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.containsKey(day);
    }

    /** Why {@code day} is not a business day, or null when it is. */
    public String whyNotBusinessDay(LocalDate day) {
        if (holidays.containsKey(day)) {
            return "holiday " + holidays.get(day) + " (" + country + ")";
        }
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return "weekend";
        }
        return null;
    }

    /** The last business day before {@code day}. */
    public LocalDate previousBusinessDay(LocalDate day) {
        LocalDate d = day.minusDays(1);
        while (!isBusinessDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** Reads {@code calendars/<country>.csv}; a bad line fails with the file, the line and why. */
    public static BusinessCalendar read(String country, Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read business calendar " + csv, e);
        }
        Map<LocalDate, String> holidays = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || (i == 0 && line.toLowerCase().startsWith("date"))) {
                continue;
            }
            String[] cells = line.split(",", 2);
            try {
                holidays.put(LocalDate.parse(cells[0].strip()), cells.length > 1 ? cells[1].strip() : "");
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(csv + ": line " + (i + 1) + ": '" + cells[0].strip()
                        + "' is not a date (yyyy-mm-dd)");
            }
        }
        return new BusinessCalendar(country, holidays);
    }
}
