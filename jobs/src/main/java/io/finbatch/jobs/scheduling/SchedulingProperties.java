package io.finbatch.jobs.scheduling;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Settings under {@code finbatch.schedules.}.
 *
 * @param dir the reviewed schedule files ({@code *.yml}) and, under {@code calendars/}, one holidays CSV per
 *            country
 */
@ConfigurationProperties("finbatch.schedules")
public record SchedulingProperties(Path dir) {

    public SchedulingProperties {
        if (dir == null) {
            dir = Path.of("./schedules");
        }
    }

    public Path calendarsDir() {
        return dir.resolve("calendars");
    }
}
