package io.finbatch.jobs.extract;

import io.finbatch.jobs.support.OnPostgres;
import io.finbatch.jobs.support.TestDatabases;
import io.finbatch.writers.extract.ExtractDefinition;
import io.finbatch.writers.extract.ExtractDefinitions;
import io.finbatch.writers.extract.ExtractQuery;
import io.finbatch.writers.extract.ExtractRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On PostgreSQL an extract streams its rows with COPY: they are the rows, values and errors the JDBC
 * cursor gives for the same query, whatever the text holds.
 */
@OnPostgres
class ExtractReadersPostgresTests {

    private static final String YML = """
            name: awkward
            kind: management
            description: every kind of value
            parameters:
              - {name: period_start, type: date}
              - {name: as_of, type: timestamp}
              - {name: period, type: text}
            columns:
              - {name: label, header: Label, type: text}
              - {name: day, header: Day, type: date}
              - {name: amount, header: Amount, type: amount, decimals: 2}
              - {name: n, header: N, type: integer}
              - {name: flag, header: Flag, type: text}
              - {name: at, header: At, type: text}
            sort: [n]
            formats: [csv]
            """;
    private static final String SQL = """
            -- rows of :period recorded by :as_of
            SELECT label, day, amount, n, flag, at::text AS at
              FROM awkward
             WHERE day >= :period_start AND recorded <= :as_of AND :period = '2026-10'
            """;
    private static final Map<String, Object> VALUES = Map.of("period_start", LocalDate.of(2026, 10, 1),
            "as_of", OffsetDateTime.of(2026, 11, 3, 18, 0, 0, 0, ZoneOffset.UTC), "period", "2026-10");

    private static DriverManagerDataSource dataSource;

    @BeforeAll
    static void awkwardRows() {
        dataSource = new DriverManagerDataSource(TestDatabases.createPostgresDatabase(), TestDatabases.PG_USER, "");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE awkward (label TEXT, day DATE, amount NUMERIC(22,5), n BIGINT, flag BOOLEAN,"
                + " at TIMESTAMPTZ, recorded TIMESTAMPTZ NOT NULL)");
        String[] pieces = {"tab\there", "new\nline", "cr\rlf\r\n", "back\\slash", "\\N", "quote\"s", "semi;colon",
            "Zürich", "€", "中文", "emoji \uD83C\uDF81", "\b\f\u000B", "", " lead and trail ", "'single'"};
        Random random = new Random(3);
        for (int n = 1; n <= 400; n++) {
            StringBuilder label = new StringBuilder();
            for (int i = random.nextInt(4); i >= 0; i--) {
                label.append(pieces[random.nextInt(pieces.length)]);
            }
            jdbc.update("INSERT INTO awkward VALUES (?, ?, ?, ?, ?, ?, ?)",
                    n % 17 == 0 ? null : label.toString(),
                    n % 19 == 0 ? null : LocalDate.of(2026, 10, 1).plusDays(random.nextInt(31)),
                    n % 23 == 0 ? null : new java.math.BigDecimal(random.nextLong() % 100_000_000_000L).movePointLeft(2),
                    (long) n,
                    n % 29 == 0 ? null : random.nextBoolean(),
                    OffsetDateTime.of(2026, 10, 5, 12, 30, 15, 0, ZoneOffset.ofHours(2)),
                    OffsetDateTime.of(2026, 11, 3, 18, 0, 0, 0, ZoneOffset.UTC).minusSeconds(n % 3 - 1));
        }
        jdbc.update("INSERT INTO awkward VALUES ('early', DATE '2026-09-30', 1, 0, true, now(), now() - interval '2 years')");
    }

    @Test
    void copyGivesTheRowsTheCursorGives() throws Exception {
        ExtractDefinition definition = definition(SQL);
        List<List<Object>> copied = readAll(ExtractQuery.reader(dataSource, definition, VALUES, 50));
        List<List<Object>> cursor = readAll(ExtractQuery.cursorReader(dataSource, definition, VALUES, 50));
        assertThat(ExtractQuery.streamsWithCopy(dataSource, definition)).isTrue();
        assertThat(copied).hasSizeGreaterThan(200).isEqualTo(cursor);
        assertThat(copied).extracting(row -> row.get(0)).contains("tab\there", "back\\slash", "\\N", "", null);
    }

    @Test
    void anAmountWithMoreDecimalsThanTheColumnFailsAsWithTheCursor() {
        ExtractDefinition definition = definition(SQL.replace("amount, n", "amount + 0.001 AS amount, n"));
        assertThatThrownBy(() -> readAll(ExtractQuery.reader(dataSource, definition, VALUES, 50)))
                .hasMessageContaining("awkward: row 1, column amount:").hasMessageContaining("has more than 2 decimals");
        assertThatThrownBy(() -> readAll(ExtractQuery.cursorReader(dataSource, definition, VALUES, 50)))
                .hasMessageContaining("awkward: row 1, column amount:").hasMessageContaining("has more than 2 decimals");
    }

    @Test
    void aBadQueryNamesTheExtractAndAReaderClosedEarlyLeavesTheDatabaseUsable() throws Exception {
        ExtractDefinition broken = definition(SQL.replace("FROM awkward", "FROM no_such_table"));
        ItemStreamReader<ExtractRow> failing = ExtractQuery.reader(dataSource, broken, VALUES, 50);
        assertThatThrownBy(() -> failing.open(new ExecutionContext()))
                .hasMessageContaining("awkward: the extract query failed").hasMessageContaining("no_such_table");
        failing.close();

        ItemStreamReader<ExtractRow> early = ExtractQuery.reader(dataSource, definition(SQL), VALUES, 50);
        early.open(new ExecutionContext());
        assertThat(early.read()).isNotNull();
        early.close();
        assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT count(*) FROM awkward", Long.class))
                .isEqualTo(401L);
    }

    private static ExtractDefinition definition(String sql) {
        return ExtractDefinitions.parse("awkward", sql.getBytes(StandardCharsets.UTF_8),
                YML.getBytes(StandardCharsets.UTF_8));
    }

    private static List<List<Object>> readAll(ItemStreamReader<ExtractRow> reader) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        reader.open(new ExecutionContext());
        try {
            ExtractRow row;
            while ((row = reader.read()) != null) {
                Object[] values = new Object[6];
                for (int i = 0; i < values.length; i++) {
                    values[i] = row.get(i);
                }
                rows.add(Arrays.asList(values));
            }
        } finally {
            reader.close();
        }
        return rows;
    }
}
