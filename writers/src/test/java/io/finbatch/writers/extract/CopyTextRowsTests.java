package io.finbatch.writers.extract;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PostgreSQL's COPY text rows read into an extract's column types, and the COPY statement built for it. */
class CopyTextRowsTests {

    private final ExtractDefinition definition = ExtractWritersTests.definition(",");
    private final CopyTextRows rows = new CopyTextRows("sample", definition.columns());

    @Test
    void fieldsAreSplitAtTabsWithNullsAndEscapesResolved() {
        ExtractRow row = parse("Z\\303\\274rich\\t\\\\HQ\\n\\r\\b\\f\\v\\x41 \u20ac\t2026-10-31\t-1234.50000\t\\N\n");
        assertThat(row.get(0)).isEqualTo("Zürich\t\\HQ\n\r\b\f\u000BA €");
        assertThat(row.get(1)).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(row.get(2)).isEqualTo(new BigDecimal("-1234.50"));
        assertThat(row.get(3)).isNull();
    }

    @Test
    void amountsAndIntegersOfEveryLength() {
        assertThat(parse("a\t2026-01-01\t0\t0").get(2)).isEqualTo(new BigDecimal("0.00"));
        assertThat(parse("a\t2026-01-01\t.5\t-7").get(2)).isEqualTo(new BigDecimal("0.50"));
        assertThat(parse("a\t2026-01-01\t-.5\t-7").get(3)).isEqualTo(-7L);
        assertThat(parse("a\t2026-01-01\t123456789012345678901234.10000\t9223372036854775807").get(2))
                .isEqualTo(new BigDecimal("123456789012345678901234.10"));
        assertThat(parse("a\t2026-01-01\t999999999999999999\t1").get(2))
                .isEqualTo(new BigDecimal("999999999999999999.00"));
        assertThat(parse("a\t2026-01-01\t1e+3\t1").get(2)).isEqualTo(new BigDecimal("1000.00"));
        assertThat(parse("\t\\N\t\\N\t\\N").get(0)).isEqualTo("");
    }

    @Test
    void badValuesNameTheRowColumnAndValue() {
        assertThatThrownBy(() -> parse("a\t2026-01-01\t1.005\t1"))
                .hasMessageContaining("sample: row 1, column amount: 1.005 has more than 2 decimals");
        assertThatThrownBy(() -> parse("a\t2026-01-01\tNaN\t1"))
                .hasMessageContaining("sample: row 1, column amount: 'NaN' is not a amount");
        assertThatThrownBy(() -> parse("a\tinfinity\t1\t1")).hasMessageContaining("column day: 'infinity' is not a date");
        assertThatThrownBy(() -> parse("a\t2026-02-30\t1\t1")).hasMessageContaining("column day: '2026-02-30'");
        assertThatThrownBy(() -> parse("a\t2026-01-01\t1")).hasMessageContaining("row 1 has not the 4 columns");
        assertThatThrownBy(() -> parse("a\t2026-01-01\t1\t1\tx")).hasMessageContaining("row 1 has not the 4 columns");
    }

    @Test
    void theCopySelectsTheColumnsInOrderWithTypedLiteralsOutsideQuotesAndComments() {
        ExtractDefinition withText = ExtractDefinitions.parse("sample",
                ("SELECT * FROM t /* :period_end */ WHERE day <= :period_end AND x::date < :as_of"
                        + " AND note <> ':period_end' AND p = :period -- :as_of\n").getBytes(StandardCharsets.UTF_8),
                """
                name: sample
                kind: regulatory
                description: a sample
                parameters:
                  - {name: period_end, type: date}
                  - {name: as_of, type: timestamp}
                  - {name: period, type: text}
                columns:
                  - {name: code, header: Code, type: text}
                sort: [code]
                formats: [csv]
                """.getBytes(StandardCharsets.UTF_8));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("period_end", LocalDate.of(2026, 10, 31));
        values.put("as_of", OffsetDateTime.of(2026, 11, 3, 18, 0, 0, 0, ZoneOffset.UTC));
        values.put("period", "2026-10'x");
        assertThat(PostgresCopyExtractReader.copySql(withText, values)).isEqualTo("COPY (SELECT code FROM (\n"
                + "SELECT * FROM (\nSELECT * FROM t /* :period_end */ WHERE day <= DATE '2026-10-31'"
                + " AND x::date < TIMESTAMPTZ '2026-11-03T18:00:00Z' AND note <> ':period_end'"
                + " AND p = '2026-10''x'::text -- :as_of\n) extract_rows ORDER BY code\n) copied_rows) TO STDOUT");
    }

    private ExtractRow parse(String line) {
        return rows.parse(line.getBytes(StandardCharsets.UTF_8), 1);
    }
}
