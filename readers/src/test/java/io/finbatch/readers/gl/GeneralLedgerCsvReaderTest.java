package io.finbatch.readers.gl;

import io.finbatch.mappings.journal.LedgerLine;
import io.finbatch.readers.SourceFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class GeneralLedgerCsvReaderTest {

    private static final String FILE = "ACME-DE-2026-10.csv";
    private static final String HEADER = "line_id,entity,journal,entry_id,date,account,label,debit,credit,currency,"
            + "amount_currency,partner,counterparty_entity,reference,recorded_at\n";
    private static final String DEBIT = "1,ACME-DE,BILL,B-1,2026-10-08,500100,Goods,17170.00,0.00,USD,20000.00,"
            + "ACME Inc.,ACME-US,US-INV-5521,2026-10-09T10:15:00Z\n";
    private static final String CREDIT = "2,ACME-DE,BILL,B-1,2026-10-08,211100,Goods,,17170.00,USD,-20000.00,"
            + "ACME Inc.,ACME-US,US-INV-5521,2026-10-09T10:15:00Z\n";

    private static List<LedgerLine> readAll(String content) {
        List<LedgerLine> lines = new ArrayList<>();
        try (GeneralLedgerCsvReader reader = new GeneralLedgerCsvReader(new StringReader(content), FILE)) {
            LedgerLine line;
            while ((line = reader.next()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    @Test
    void readsEveryColumnOfALine() {
        List<LedgerLine> lines = readAll(HEADER + DEBIT + CREDIT);
        assertThat(lines).containsExactly(
                new LedgerLine("ACME-DE", "1", "BILL", "B-1", LocalDate.of(2026, 10, 8), "500100", "Goods",
                        new BigDecimal("17170.00"), new BigDecimal("0.00"), "USD", new BigDecimal("20000.00"),
                        "ACME Inc.", "ACME-US", "US-INV-5521", Instant.parse("2026-10-09T10:15:00Z")),
                new LedgerLine("ACME-DE", "2", "BILL", "B-1", LocalDate.of(2026, 10, 8), "211100", "Goods",
                        BigDecimal.ZERO, new BigDecimal("17170.00"), "USD", new BigDecimal("-20000.00"),
                        "ACME Inc.", "ACME-US", "US-INV-5521", Instant.parse("2026-10-09T10:15:00Z")));
        assertThat(lines.get(1).balance()).isEqualByComparingTo("-17170.00");
    }

    @Test
    void leavesOptionalColumnsNullKeepsLeadingZerosAndReadsOffsets() {
        LedgerLine line = readAll(HEADER + "NL-1,ACME-NL,OPEN,BEG,2026-10-01,0100,,64000,,,,,,,2026-10-01T08:30:00+02:00\n")
                .get(0);
        assertThat(line.account()).isEqualTo("0100");
        assertThat(line.label()).isNull();
        assertThat(line.currency()).isNull();
        assertThat(line.amountCurrency()).isNull();
        assertThat(line.partner()).isNull();
        assertThat(line.counterpartyEntity()).isNull();
        assertThat(line.reference()).isNull();
        assertThat(line.credit()).isZero();
        assertThat(line.recordedAt()).isEqualTo(Instant.parse("2026-10-01T06:30:00Z"));
    }

    @Test
    void findsColumnsByNameAndIgnoresOthers() {
        String content = "recorded_at,source,credit,debit,account,date,entry_id,journal,entity,line_id,label,currency,"
                + "amount_currency,partner,counterparty_entity,reference\n"
                + "2026-10-31T07:00:00Z,exact,23.75,0.00,1100,2026-10-31,BNK1,BNK,ACME-NL,L1,Bankkosten,,,,,\n";
        LedgerLine line = readAll(content).get(0);
        assertThat(line.credit()).isEqualByComparingTo("23.75");
        assertThat(line.account()).isEqualTo("1100");
    }

    @Test
    void countsLinesOfQuotedValuesThatSpanLines() {
        String content = HEADER
                + "1,ACME-DE,MISC,M-1,2026-10-31,600000,\"Rent accrual\nOctober, 2026\",3200.00,0.00,,,,,,2026-11-04T10:15:00Z\n"
                + "2,ACME-DE,MISC,M-1,2026-10-31,211000,Rent accrual,0.00,3200.00,,,,,,2026-11-04 10:15\n";
        SourceFileException e = catchThrowableOfType(SourceFileException.class, () -> readAll(content));
        assertThat(e.location()).isEqualTo("line 4, column recorded_at");
        assertThat(readAll(content.replace("2026-11-04 10:15", "2026-11-04T10:15:00Z")).get(0).label())
                .isEqualTo("Rent accrual\nOctober, 2026");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            thousands separator    | 1,ACME-DE,INV,I-1,2026-10-02,121000,x,"1,234.50",0.00,,,,,,2026-10-02T08:00:00Z | line 2, column debit | debit '1,234.50' is not a plain unsigned amount with at most 2 decimals (1234.50)
            negative debit         | 1,ACME-DE,INV,I-1,2026-10-02,121000,x,-5.00,0.00,,,,,,2026-10-02T08:00:00Z      | line 2, column debit | debit '-5.00' is not a plain unsigned amount with at most 2 decimals (1234.50)
            three decimals         | 1,ACME-DE,INV,I-1,2026-10-02,121000,x,0.00,5.125,,,,,,2026-10-02T08:00:00Z      | line 2, column credit | credit '5.125' is not a plain unsigned amount with at most 2 decimals (1234.50)
            decimal comma          | 1,ACME-DE,INV,I-1,2026-10-02,121000,x,"5,12",0.00,,,,,,2026-10-02T08:00:00Z     | line 2, column debit | debit '5,12' is not a plain unsigned amount with at most 2 decimals (1234.50)
            both sides             | 1,ACME-DE,INV,I-1,2026-10-02,121000,x,5.00,5.00,,,,,,2026-10-02T08:00:00Z       | line 2, column credit | credit is set, and so is debit: a line has one side
            no side                | 1,ACME-DE,INV,I-1,2026-10-02,121000,x,0.00,,,,,,,2026-10-02T08:00:00Z           | line 2, column credit | credit and debit are both zero: a line has one side
            day 32                 | 1,ACME-DE,INV,I-1,2026-10-32,121000,x,5.00,0.00,,,,,,2026-10-02T08:00:00Z       | line 2, column date | date '2026-10-32' is not a date (yyyy-mm-dd)
            German date            | 1,ACME-DE,INV,I-1,02.10.2026,121000,x,5.00,0.00,,,,,,2026-10-02T08:00:00Z       | line 2, column date | date '02.10.2026' is not a date (yyyy-mm-dd)
            no offset              | 1,ACME-DE,INV,I-1,2026-10-02,121000,x,5.00,0.00,,,,,,2026-10-02T08:00:00        | line 2, column recorded_at | recorded_at '2026-10-02T08:00:00' is not a date-time with offset (2026-11-03T18:00:00Z)
            no account             | 1,ACME-DE,INV,I-1,2026-10-02, ,x,5.00,0.00,,,,,,2026-10-02T08:00:00Z            | line 2, column account | account is empty
            no line id             | ,ACME-DE,INV,I-1,2026-10-02,121000,x,5.00,0.00,,,,,,2026-10-02T08:00:00Z        | line 2, column line_id | line_id is empty
            lower-case currency    | 1,ACME-DE,INV,I-1,2026-10-02,121000,x,5.00,0.00,usd,5.00,,,,2026-10-02T08:00:00Z | line 2, column currency | currency 'usd' is not an ISO 4217 currency code
            currency, no amount    | 1,ACME-DE,INV,I-1,2026-10-02,121000,x,5.00,0.00,USD,,,,,2026-10-02T08:00:00Z    | line 2, column amount_currency | amount_currency is empty but currency is USD
            amount, no currency    | 1,ACME-DE,INV,I-1,2026-10-02,121000,x,5.00,0.00,,5.80,,,,2026-10-02T08:00:00Z   | line 2, column currency | currency is empty but amount_currency is 5.80
            amount on wrong side   | 1,ACME-DE,INV,I-1,2026-10-02,121000,x,5.00,0.00,USD,-5.80,,,,2026-10-02T08:00:00Z | line 2, column amount_currency | amount_currency '-5.80' is on the credit side but the line is a debit
            too precise for JPY    | 1,ACME-DE,INV,I-1,2026-10-02,121000,x,5.00,0.00,JPY,900.5,,,,2026-10-02T08:00:00Z | line 2, column amount_currency | amount_currency '900.5' has more decimals than JPY has
            own counterparty       | 1,ACME-DE,INV,I-1,2026-10-02,121100,x,5.00,0.00,,,,ACME-DE,,2026-10-02T08:00:00Z | line 2, column counterparty_entity | counterparty_entity is the line's own entity ACME-DE
            missing values         | 1,ACME-DE,INV,I-1,2026-10-02,121000,x,5.00,0.00                                  | line 2 | 9 values where the header has 15
            """)
    void refusesABadRowNamingLineColumnAndReason(String what, String row, String location, String reason) {
        SourceFileException e = catchThrowableOfType(SourceFileException.class, () -> readAll(HEADER + row + "\n"));
        assertThat(e).as(what).isNotNull();
        assertThat(e.file()).isEqualTo(FILE);
        assertThat(e.location()).isEqualTo(location);
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.getMessage()).isEqualTo(FILE + ": " + location + ": " + reason);
    }

    @Test
    void refusesASecondEntityAndARepeatedLineId() {
        assertThatThrownBy(() -> readAll(HEADER + DEBIT + CREDIT.replace("2,ACME-DE", "2,ACME-NL")))
                .hasMessage(FILE + ": line 3, column entity: entity is ACME-NL where the file's first line has ACME-DE"
                        + " (one entity per file)");
        assertThatThrownBy(() -> readAll(HEADER + DEBIT + CREDIT.replace("2,ACME-DE", "1,ACME-DE")))
                .hasMessage(FILE + ": line 3, column line_id: line_id '1' was already used in this file");
    }

    @Test
    void refusesAMissingColumnAndBrokenCsv() {
        assertThatThrownBy(() -> readAll(HEADER.replace(",recorded_at", "") + DEBIT))
                .hasMessage(FILE + ": line 1: missing column 'recorded_at'");
        SourceFileException e = catchThrowableOfType(SourceFileException.class,
                () -> readAll(HEADER + DEBIT + "2,ACME-DE,\"BILL,B-1\n"));
        assertThat(e.location()).isEqualTo("line 3");
        assertThat(e.reason()).startsWith("not valid CSV: ");
    }

    @Test
    void readsAFileAndSaysWhenItIsMissing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ACME-DE-2026-10.csv");
        Files.writeString(file, HEADER + DEBIT + CREDIT);
        try (GeneralLedgerCsvReader reader = new GeneralLedgerCsvReader(file)) {
            assertThat(reader.next().lineId()).isEqualTo("1");
            assertThat(reader.next().lineId()).isEqualTo("2");
            assertThat(reader.next()).isNull();
        }
        assertThatThrownBy(() -> new GeneralLedgerCsvReader(dir.resolve("none.csv")))
                .isInstanceOf(SourceFileException.class).hasMessageContaining("none.csv: cannot read the file");
    }

    @Test
    void aLineCountsWhenDatedByTheLastDayAndRecordedByTheCutOff() {
        LedgerLine line = readAll(HEADER + DEBIT).get(0);
        Instant cutoff = Instant.parse("2026-10-09T10:15:00Z");
        assertThat(line.countsAt(LocalDate.of(2026, 10, 31), cutoff)).isTrue();
        assertThat(line.countsAt(LocalDate.of(2026, 10, 8), cutoff)).isTrue();
        assertThat(line.countsAt(LocalDate.of(2026, 10, 7), cutoff)).isFalse();
        assertThat(line.countsAt(LocalDate.of(2026, 10, 31), cutoff.minusSeconds(1))).isFalse();
    }
}
