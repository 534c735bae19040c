package io.finbatch.jobs.console;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Formatting for the console's pages ({@code ${@fmt.time(x)}}): times in the server's zone, durations, ages. */
@Component("fmt")
public class ConsoleFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Clock clock;

    public ConsoleFormat(Clock clock) {
        this.clock = clock;
    }

    public String time(Object value) {
        if (value instanceof Instant instant) {
            return TIME.format(instant.atZone(ZoneId.systemDefault()));
        }
        if (value instanceof LocalDateTime local) {
            return TIME.format(local);
        }
        return value == null ? "" : value.toString();
    }

    /** How long from start to end (or to now while running), e.g. "2 min 05 s". */
    public String took(LocalDateTime start, LocalDateTime end) {
        if (start == null) {
            return "";
        }
        LocalDateTime until = end != null ? end : LocalDateTime.now(clock);
        return seconds(Math.max(0, Duration.between(start, until).toSeconds()));
    }

    public String seconds(double seconds) {
        if (Double.isNaN(seconds)) {
            return "unknown";
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min " + String.format("%02d", s % 60) + " s";
        }
        if (s < 86400) {
            return s / 3600 + " h " + String.format("%02d", s % 3600 / 60) + " min";
        }
        return s / 86400 + " d " + s % 86400 / 3600 + " h";
    }

    public String count(double value) {
        return Double.isNaN(value) ? "unknown" : String.format("%,d", Math.round(value));
    }
}
