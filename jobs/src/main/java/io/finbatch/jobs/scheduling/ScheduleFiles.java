package io.finbatch.jobs.scheduling;

import org.quartz.CronExpression;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads and validates the reviewed schedule files {@code <dir>/*.yml}. The first problem stops everything with
 * the file, the field and the reason: a schedule is never half-applied.
 *
 * <pre>
 * id: nightly                      # unique, [a-z0-9-]
 * job: nightly                     # statementImport, odooPosting, journalConsolidation, extract, nightly
 * cron: "0 30 2 ? * MON-FRI"       # Quartz cron (seconds first)
 * time-zone: Europe/Berlin
 * calendar: DE                     # optional: calendars/DE.csv; a firing on a weekend or holiday is skipped
 * misfire: fire-once-now           # or do-nothing
 * enabled: true                    # optional, default true
 * description: ...                 # optional
 * parameters:                      # the job's, with ${today} ${previousBusinessDay} ${periodToClose} ${openPeriod}
 *   period: ${openPeriod}
 * </pre>
 */
@Component
public class ScheduleFiles {

    static final Set<String> FIELDS = Set.of("id", "job", "cron", "time-zone", "calendar", "misfire", "enabled",
            "description", "parameters");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}[A-Z0-9-]{0,10}");

    private final SchedulingProperties properties;

    public ScheduleFiles(SchedulingProperties properties) {
        this.properties = properties;
    }

    public Path dir() {
        return properties.dir();
    }

    /** Every schedule file of the folder, validated (none when the folder does not exist). */
    public List<Schedule> load() {
        Path dir = properties.dir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> entries = Files.list(dir)) {
            files = entries.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".yml")
                            || p.getFileName().toString().endsWith(".yaml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the schedules in " + dir, e);
        }
        List<Schedule> schedules = new ArrayList<>();
        Map<String, Path> ids = new HashMap<>();
        for (Path file : files) {
            Schedule schedule = read(file);
            Path other = ids.putIfAbsent(schedule.id(), file);
            if (other != null) {
                throw new ScheduleFileException(file, "id", "'" + schedule.id() + "' is already the id of " + other);
            }
            schedules.add(schedule);
        }
        return List.copyOf(schedules);
    }

    /** The business calendar of a country ({@code calendars/<country>.csv}); weekdays only when null. */
    public BusinessCalendar calendar(String country) {
        if (country == null) {
            return BusinessCalendar.weekdays();
        }
        return BusinessCalendar.read(country, properties.calendarsDir().resolve(country + ".csv"));
    }

    public Schedule read(Path file) {
        Object document;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            throw new ScheduleFileException(file, null, "cannot be read: " + e.getMessage());
        } catch (YAMLException e) {
            throw new ScheduleFileException(file, null, "is not valid YAML: " + e.getMessage().replace('\n', ' '));
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new ScheduleFileException(file, null, "must be a YAML mapping of the fields " + sorted(FIELDS));
        }
        for (Object key : map.keySet()) {
            if (!FIELDS.contains(String.valueOf(key))) {
                throw new ScheduleFileException(file, String.valueOf(key), "unknown field (known: " + sorted(FIELDS)
                        + ")");
            }
        }
        String id = required(file, map, "id");
        if (!ID.matcher(id).matches()) {
            throw new ScheduleFileException(file, "id", "'" + id + "' must be lower-case letters, digits and '-'");
        }
        String jobName = required(file, map, "job");
        ScheduledJob job = ScheduledJob.of(jobName).orElseThrow(() -> new ScheduleFileException(file, "job",
                "unknown job '" + jobName + "' (one of: " + ScheduledJob.ids() + ")"));
        String cron = required(file, map, "cron");
        try {
            CronExpression.validateExpression(cron);
        } catch (ParseException e) {
            throw new ScheduleFileException(file, "cron", "'" + cron + "' is not a Quartz cron expression: "
                    + e.getMessage() + " (seconds minutes hours day-of-month month day-of-week, '?' in one of the"
                    + " day fields)");
        }
        String zoneName = required(file, map, "time-zone");
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneName);
        } catch (DateTimeException e) {
            throw new ScheduleFileException(file, "time-zone", "'" + zoneName + "' is not a time zone id (such as"
                    + " Europe/Berlin)");
        }
        String calendar = optional(file, map, "calendar");
        if (calendar != null) {
            if (!COUNTRY.matcher(calendar).matches()) {
                throw new ScheduleFileException(file, "calendar", "'" + calendar + "' must be a country code such as DE");
            }
            Path csv = properties.calendarsDir().resolve(calendar + ".csv");
            if (!Files.isRegularFile(csv)) {
                throw new ScheduleFileException(file, "calendar", "no business calendar " + csv);
            }
            try {
                BusinessCalendar.read(calendar, csv);
            } catch (RuntimeException e) {
                throw new ScheduleFileException(file, "calendar", e.getMessage());
            }
        }
        String misfireName = required(file, map, "misfire");
        MisfirePolicy misfire = MisfirePolicy.of(misfireName).orElseThrow(() -> new ScheduleFileException(file,
                "misfire", "'" + misfireName + "' is not a misfire policy (fire-once-now or do-nothing)"));
        boolean enabled = true;
        Object enabledValue = map.get("enabled");
        if (enabledValue != null) {
            if (!(enabledValue instanceof Boolean b)) {
                throw new ScheduleFileException(file, "enabled", "'" + enabledValue + "' must be true or false");
            }
            enabled = b;
        }
        String description = optional(file, map, "description");
        Map<String, String> parameters = parameters(file, map.get("parameters"), job);
        return new Schedule(file, id, job, cron, zone, calendar, misfire, enabled, parameters, description);
    }

    private static Map<String, String> parameters(Path file, Object value, ScheduledJob job) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (value != null) {
            if (!(value instanceof Map<?, ?> map)) {
                throw new ScheduleFileException(file, "parameters", "must be a mapping of name: value");
            }
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String name = String.valueOf(e.getKey());
                String field = "parameters." + name;
                if (!job.parameters().contains(name)) {
                    throw new ScheduleFileException(file, field, "job " + job.id() + " takes no parameter '" + name
                            + "' (it takes: " + (job.parameters().isEmpty() ? "none" : sorted(job.parameters())) + ")");
                }
                if (e.getValue() == null || e.getValue() instanceof Map || e.getValue() instanceof List) {
                    throw new ScheduleFileException(file, field, "must be a single value");
                }
                String text = String.valueOf(e.getValue()).strip();
                String unknown = Placeholders.unknownIn(text);
                if (unknown != null) {
                    throw new ScheduleFileException(file, field, "unknown placeholder " + unknown + " (known: "
                            + sorted(Placeholders.NAMES.stream().map(n -> "${" + n + "}").toList()) + ")");
                }
                checkValue(file, field, name, text);
                parameters.put(name, text);
            }
        }
        for (String required : job.requiredParameters()) {
            if (!parameters.containsKey(required)) {
                throw new ScheduleFileException(file, "parameters." + required, "required by job " + job.id());
            }
        }
        return parameters;
    }

    private static void checkValue(Path file, String field, String name, String value) {
        if (name.equals("period") && !Placeholders.hasPlaceholder(value)) {
            try {
                YearMonth.parse(value);
            } catch (DateTimeParseException e) {
                throw new ScheduleFileException(file, field, "'" + value + "' is not a period (yyyy-mm) nor a placeholder");
            }
        }
        if (name.equals("kind") && !Set.of("statements", "entries", "both").contains(value)) {
            throw new ScheduleFileException(file, field, "'" + value + "' must be statements, entries or both");
        }
        if ((name.equals("names") || name.equals("extracts")) && value.isBlank()) {
            throw new ScheduleFileException(file, field, "names no extract");
        }
    }

    private static String required(Path file, Map<?, ?> map, String field) {
        String value = optional(file, map, field);
        if (value == null) {
            throw new ScheduleFileException(file, field, "missing");
        }
        return value;
    }

    private static String optional(Path file, Map<?, ?> map, String field) {
        Object value = map.get(field);
        if (value == null) {
            return null;
        }
        if (value instanceof Map || value instanceof List) {
            throw new ScheduleFileException(file, field, "must be a single value");
        }
        String text = String.valueOf(value).strip();
        if (text.isEmpty()) {
            throw new ScheduleFileException(file, field, "is empty");
        }
        return text;
    }

    private static String sorted(java.util.Collection<String> names) {
        return String.join(", ", names.stream().sorted().toList());
    }
}
