package io.finbatch.writers.odoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OdooJsonTests {

    private static Object parse(String json) {
        return OdooJson.toJava(OdooJson.read(json, "test"));
    }

    private static String write(Object value) {
        return new String(OdooJson.write(value), StandardCharsets.UTF_8);
    }

    @Test
    void integersAreLongsAndDecimalsKeepTheirDigits() {
        assertThat(parse("2")).isEqualTo(2L);
        assertThat(parse("150.0")).isEqualTo(new BigDecimal("150.0"));
        assertThat(parse("-150.00")).isEqualTo(new BigDecimal("-150.00"));
        // 0.1 + 0.2 in binary floating point is 0.30000000000000004; read as text it stays exact
        assertThat(parse("0.30")).isEqualTo(new BigDecimal("0.30"));
        assertThat(parse("12345678901234567890.12")).isEqualTo(new BigDecimal("12345678901234567890.12"));
        assertThat(parse("9007199254740993")).isEqualTo(9007199254740993L);
    }

    @Test
    void falseStaysFalseAndManyToOneIsIdAndName() {
        Object record = parse("{\"partner_id\": false, \"journal_id\": [6, \"Bank\"], \"name\": null}");
        assertThat(record).isInstanceOf(Map.class);
        Map<?, ?> map = (Map<?, ?>) record;
        assertThat(map.get("partner_id")).isSameAs(Boolean.FALSE);
        assertThat(map.get("journal_id")).isEqualTo(List.of(6L, "Bank"));
        assertThat(map.containsKey("name")).isTrue();
        assertThat(map.get("name")).isNull();
    }

    @Test
    void bigDecimalsAreWrittenAsPlainNumbers() {
        Map<String, Object> vals = new LinkedHashMap<>();
        vals.put("debit", new BigDecimal("150.00"));
        vals.put("credit", new BigDecimal("1E+3"));
        vals.put("amount", new BigDecimal("-0.10"));
        assertThat(write(vals)).isEqualTo("{\"debit\":150.00,\"credit\":1000,\"amount\":-0.10}");
    }

    @Test
    void datesAreWrittenTheWayOdooReadsThem() {
        assertThat(write(Map.of("date", LocalDate.of(2026, 11, 26)))).isEqualTo("{\"date\":\"2026-11-26\"}");
    }

    @Test
    void aBodyThatIsNotJsonIsAProtocolError() {
        assertThatThrownBy(() -> OdooJson.read("<html>Bad Gateway</html>", "Odoo's answer"))
                .isInstanceOf(OdooProtocolException.class)
                .hasMessageStartingWith("Odoo's answer is not JSON");
    }
}
