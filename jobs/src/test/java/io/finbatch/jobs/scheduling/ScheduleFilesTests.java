package io.finbatch.jobs.scheduling;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The schedule files: the shipped ones are valid; an invalid one names its file, field and reason. */
class ScheduleFilesTests {

    static final String VALID = """
            id: consolidate-october
            job: journalConsolidation
            cron: "0 0 5 ? * MON-FRI"
            time-zone: Europe/Berlin
            calendar: DE
            misfire: do-nothing
            parameters:
              period: ${periodToClose}
            """;

    @TempDir
    Path dir;

    ScheduleFiles files() {
        return new ScheduleFiles(new SchedulingProperties(dir));
    }

    static Path shippedSchedules() {
        String root = System.getProperty("finbatch.projectRoot");
        return (root != null ? Path.of(root) : Path.of("..")).resolve("schedules").toAbsolutePath().normalize();
    }

    @Test
    void theShippedSchedulesAreValidAndTheNightlyFlowIsAmongThem() {
        var schedules = new ScheduleFiles(new SchedulingProperties(shippedSchedules())).load();

        assertThat(schedules).extracting(Schedule::id).contains("nightly");
        Schedule nightly = schedules.stream().filter(s -> s.id().equals("nightly")).findFirst().orElseThrow();
        assertThat(nightly.job()).isEqualTo(ScheduledJob.NIGHTLY);
        assertThat(nightly.calendar()).isEqualTo("DE");
        assertThat(nightly.misfire()).isEqualTo(MisfirePolicy.FIRE_ONCE_NOW);
        assertThat(nightly.enabled()).isTrue();
    }

    @Test
    void aValidFileIsReadWithAllItsFields() throws IOException {
        calendar("DE", "date,name\n2026-10-03,Tag der Deutschen Einheit\n");
        write("a.yml", VALID);

        Schedule s = files().load().get(0);

        assertThat(s.id()).isEqualTo("consolidate-october");
        assertThat(s.job()).isEqualTo(ScheduledJob.JOURNAL_CONSOLIDATION);
        assertThat(s.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(s.misfire()).isEqualTo(MisfirePolicy.DO_NOTHING);
        assertThat(s.enabled()).isTrue();
        assertThat(s.parameters()).containsEntry("period", "${periodToClose}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "job: journalConsolidation|job: payroll|job|unknown job 'payroll'",
        "cron: \"0 0 5 ? * MON-FRI\"|cron: \"0 0 5 * * MON-FRI\"|cron|is not a Quartz cron expression",
        "cron: \"0 0 5 ? * MON-FRI\"|cron: every night|cron|is not a Quartz cron expression",
        "time-zone: Europe/Berlin|time-zone: Europe/Munich|time-zone|'Europe/Munich' is not a time zone id",
        "misfire: do-nothing|misfire: retry|misfire|'retry' is not a misfire policy",
        "calendar: DE|calendar: FR|calendar|no business calendar",
        "period: ${periodToClose}|period: ${lastMonth}|parameters.period|unknown placeholder ${lastMonth}",
        "period: ${periodToClose}|period: October|parameters.period|is not a period (yyyy-mm)",
        "period: ${periodToClose}|file: x.csv|parameters.file|takes no parameter 'file'",
        "id: consolidate-october|id: Consolidate October|id|must be lower-case letters",
        "id: consolidate-october|ids: x|ids|unknown field",
        "id: consolidate-october|#|id|missing",
        "misfire: do-nothing|enabled: perhaps|enabled|must be true or false",
    })
    void anInvalidFileNamesItsFileFieldAndReason(String valid, String invalid, String field, String reason)
            throws IOException {
        calendar("DE", "date,name\n");
        String text = invalid.startsWith("enabled") ? VALID.replace(valid, valid + "\n" + invalid)
                : VALID.replace(valid, invalid);
        Path file = write("broken.yml", text);

        assertThatThrownBy(() -> files().load())
                .isInstanceOfSatisfying(ScheduleFileException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.reason()).contains(reason);
                    assertThat(e.getMessage()).contains(file.toString()).contains("'" + field + "'").contains(reason);
                });
    }

    @Test
    void aRequiredParameterMissingAndADuplicateIdAreNamed() throws IOException {
        calendar("DE", "date,name\n");
        Path noPeriod = write("a.yml", VALID.replace("parameters:\n  period: ${periodToClose}\n", ""));
        assertThatThrownBy(() -> files().load()).isInstanceOfSatisfying(ScheduleFileException.class, e -> {
            assertThat(e.file()).isEqualTo(noPeriod);
            assertThat(e.field()).isEqualTo("parameters.period");
            assertThat(e.reason()).contains("required by job journalConsolidation");
        });

        write("a.yml", VALID);
        Path twin = write("b.yml", VALID);
        assertThatThrownBy(() -> files().load()).isInstanceOfSatisfying(ScheduleFileException.class, e -> {
            assertThat(e.file()).isEqualTo(twin);
            assertThat(e.field()).isEqualTo("id");
            assertThat(e.reason()).contains("already the id of").contains("a.yml");
        });
    }

    @Test
    void notYamlIsNamedAsSuch() throws IOException {
        Path file = write("x.yml", "id: [unclosed\n");
        assertThatThrownBy(() -> files().load()).isInstanceOfSatisfying(ScheduleFileException.class,
                e -> assertThat(e.reason()).contains("is not valid YAML"));
    }

    @Test
    void placeholdersFollowTheBusinessCalendar() {
        BusinessCalendar de = new BusinessCalendar("DE", Map.of(LocalDate.of(2026, 10, 30), "test holiday"));
        Map<String, String> parameters = Map.of("a", "${today}", "b", "${previousBusinessDay}",
                "c", "${periodToClose}", "d", "${openPeriod}", "e", "fixed-${today}");

        // Monday 2 November 2026: the previous business day skips the weekend and the Friday holiday
        Map<String, String> resolved = Placeholders.resolve(parameters, LocalDate.of(2026, 11, 2), de);

        assertThat(resolved).containsEntry("a", "2026-11-02").containsEntry("b", "2026-10-29")
                .containsEntry("c", "2026-10").containsEntry("d", "2026-10").containsEntry("e", "fixed-2026-11-02");
        assertThat(de.isBusinessDay(LocalDate.of(2026, 10, 30))).isFalse();
        assertThat(de.whyNotBusinessDay(LocalDate.of(2026, 10, 31))).isEqualTo("weekend");
        assertThat(de.whyNotBusinessDay(LocalDate.of(2026, 10, 30))).contains("test holiday");
        assertThat(Placeholders.resolve(Map.of("p", "${periodToClose}"), LocalDate.of(2027, 1, 4), de))
                .containsEntry("p", "2026-12");
    }

    @Test
    void theShippedCalendarsRead() throws IOException {
        try (var csvs = Files.list(shippedSchedules().resolve("calendars"))) {
            csvs.forEach(csv -> {
                String country = csv.getFileName().toString().replace(".csv", "");
                assertThat(BusinessCalendar.read(country, csv).holidays()).isNotEmpty();
            });
        }
        assertThat(BusinessCalendar.read("DE", shippedSchedules().resolve("calendars/DE.csv"))
                .isBusinessDay(LocalDate.of(2026, 10, 5))).isTrue();
    }

    private void calendar(String country, String text) throws IOException {
        Files.createDirectories(dir.resolve("calendars"));
        Files.writeString(dir.resolve("calendars/" + country + ".csv"), text);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
