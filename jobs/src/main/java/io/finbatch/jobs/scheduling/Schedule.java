package io.finbatch.jobs.scheduling;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * One schedule file, validated.
 *
 * @param calendar   country code of the business calendar ({@code calendars/<calendar>.csv}); null: every day
 *                   is a business day
 * @param parameters the job's parameters, placeholders not resolved yet
 */
public record Schedule(Path file, String id, ScheduledJob job, String cron, ZoneId timeZone, String calendar,
        MisfirePolicy misfire, boolean enabled, Map<String, String> parameters, String description) {

    public Schedule {
        parameters = Map.copyOf(parameters);
    }

    /** Everything Quartz must know about the schedule: two files with the same fingerprint need no change. */
    public String fingerprint() {
        String canonical = String.join("\n", id, job.id(), cron, timeZone.getId(), String.valueOf(calendar),
                misfire.id(), new TreeMap<>(parameters).toString(), String.valueOf(description));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
