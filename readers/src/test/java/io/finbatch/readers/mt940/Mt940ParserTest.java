package io.finbatch.readers.mt940;

import io.finbatch.mappings.statement.StatementEvent;
import io.finbatch.mappings.statement.StatementLine;
import io.finbatch.readers.MalformedEntryException;
import io.finbatch.readers.StatementFormatException;
import io.finbatch.readers.StatementParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class Mt940ParserTest {

    private static final String FILE = "test.sta";

    private static final String STATEMENT = String.join("\n",
            ":20:STARTUMS",
            ":25:DE89370400440532013000",
            ":28C:00004/00001",
            ":60F:C070903EUR1000,00",
            ":61:0709070904DR12,50NTRFNONREF//0724710333343453",
            ":86:166?00GUTSCHRIFT?20SVWZ+Miete M\u00e4rz?32M\u00dcLLER",
            ":61:0709070904CR2,50NTRFNONREF",
            ":62F:C070904EUR990,00",
            "-");

    private static StatementParser open(String content, Charset charset) {
        return new Mt940Format().open(new ByteArrayInputStream(content.getBytes(charset)), FILE);
    }

    private static List<StatementEvent> readAll(String content) {
        return readAll(open(content, StandardCharsets.UTF_8));
    }

    private static List<StatementEvent> readAll(StatementParser parser) {
        List<StatementEvent> events = new ArrayList<>();
        StatementEvent event;
        while ((event = parser.next()) != null) {
            events.add(event);
        }
        return events;
    }

    private static List<StatementLine> lines(List<StatementEvent> events) {
        return events.stream().filter(StatementEvent.Line.class::isInstance)
                .map(e -> ((StatementEvent.Line) e).line()).toList();
    }

    @Test
    void streamsAStatementAsStartedLinesEnded() {
        List<StatementEvent> events = readAll(STATEMENT);

        assertThat(events).hasSize(4);
        StatementEvent.Started started = (StatementEvent.Started) events.get(0);
        assertThat(started.header().id()).isEqualTo("STARTUMS");
        assertThat(started.header().account().iban()).isEqualTo("DE89370400440532013000");
        assertThat(started.header().account().currency()).isEqualTo("EUR");
        assertThat(started.header().electronicSequence()).isEqualTo("00004");
        assertThat(started.header().legalSequence()).isEqualTo("00001");
        assertThat(started.header().openingBalance().amount()).isEqualTo(new BigDecimal("1000.00"));
        assertThat(started.header().openingBalance().type()).isEqualTo("60F");
        assertThat(started.header().location()).isEqualTo("line 1");

        StatementLine first = lines(events).get(0);
        assertThat(first.amount()).isEqualTo(new BigDecimal("-12.50"));
        assertThat(first.currency()).isEqualTo("EUR");
        assertThat(first.bookingDate()).isEqualTo(LocalDate.of(2007, 9, 4));
        assertThat(first.remittance()).isEqualTo("Miete M\u00e4rz");
        assertThat(first.counterparty().name()).isEqualTo("M\u00dcLLER");
        assertThat(first.rawInformation()).isEqualTo("166?00GUTSCHRIFT?20SVWZ+Miete M\u00e4rz?32M\u00dcLLER");
        assertThat(first.transactionCode().swift()).isEqualTo("NTRF");
        assertThat(first.transactionCode().proprietary()).isEqualTo("166");
        assertThat(first.location()).isEqualTo("line 5");
        assertThat(first.booked()).isTrue();
        assertThat(lines(events).get(1).rawInformation()).isNull();

        StatementEvent.Ended ended = (StatementEvent.Ended) events.get(3);
        assertThat(ended.trailer().closingBalance().amount()).isEqualTo(new BigDecimal("990.00"));
        assertThat(ended.trailer().closingBalance().type()).isEqualTo("62F");
    }

    @ParameterizedTest(name = "line ending {0}")
    @ValueSource(strings = {"LF", "CRLF", "CR"})
    void readsEveryLineEnding(String ending) {
        String separator = switch (ending) {
            case "CRLF" -> "\r\n";
            case "CR" -> "\r";
            default -> "\n";
        };
        List<StatementEvent> events = readAll(STATEMENT.replace("\n", separator));

        assertThat(lines(events)).hasSize(2);
        assertThat(lines(events).get(0).remittance()).isEqualTo("Miete M\u00e4rz");
        assertThat(lines(events).get(1).location()).isEqualTo("line 7");
    }

    @Test
    void readsLatin1AndUtf8Files() {
        List<StatementEvent> latin1 = readAll(open(STATEMENT, StandardCharsets.ISO_8859_1));
        List<StatementEvent> utf8 = readAll(open(STATEMENT, StandardCharsets.UTF_8));

        assertThat(lines(latin1).get(0).counterparty().name()).isEqualTo("M\u00dcLLER");
        assertThat(lines(utf8).get(0).counterparty().name()).isEqualTo("M\u00dcLLER");
    }

    @Test
    void readsSwiftEnvelopesWithSeveralMessagesAndFramingBytes() {
        String message = "\u0001{1:F01KNABNL2HAXXX0000000000}{2:I940KNABNL2HXXXXN3020}{4:\r\n"
                + STATEMENT.replace("\n-", "").replace("\n", "\r\n") + "\r\n-}{5:{CHK:123}}\u0003";
        StatementParser parser = open(message + message.replace("STARTUMS", "SECOND"), StandardCharsets.UTF_8);

        List<StatementEvent> events = readAll(parser);

        assertThat(parser.format()).isEqualTo("mt940");
        assertThat(events).hasSize(8);
        assertThat(((StatementEvent.Started) events.get(4)).header().id()).isEqualTo("SECOND");
        assertThat(((StatementEvent.Started) events.get(4)).header().index()).isEqualTo(2);
    }

    @Test
    void skipsBankPreamblesAndSeparators() {
        String file = "ABNANL2A\n940\nABNANL2A\n" + STATEMENT + "\n@@\n------\n\nABNANL2A\n940\nABNANL2A\n"
                + STATEMENT.replace("STARTUMS", "NEXT");

        assertThat(readAll(file)).hasSize(8);
    }

    @Test
    void keepsALoneDashInsideInformationText() {
        String file = STATEMENT.replace(":86:166?00GUTSCHRIFT?20SVWZ+Miete M\u00e4rz?32M\u00dcLLER",
                ":86:/EREF/EV123R\nEP1234//MARF/MND\n-\nEV01//REMI/USTD//TEXT/");

        StatementLine line = lines(readAll(file)).get(0);

        assertThat(line.rawInformation()).isEqualTo("/EREF/EV123R\nEP1234//MARF/MND\n-\nEV01//REMI/USTD//TEXT/");
        assertThat(line.endToEndId()).isEqualTo("EV123REP1234");
    }

    @Test
    void joinsRepeatedInformationFieldsAndIgnoresStatementInformation() {
        String file = STATEMENT.replace(":61:0709070904CR2,50NTRFNONREF",
                ":86:second part\n:61:0709070904CR2,50NTRFNONREF") + "\n";
        String withTrailerInfo = file.replace(":62F:C070904EUR990,00", ":62F:C070904EUR990,00\n:86:/SUM/4/4/134,46/");

        List<StatementLine> lines = lines(readAll(withTrailerInfo));

        assertThat(lines.get(0).rawInformation()).endsWith("\nsecond part");
        assertThat(lines.get(1).rawInformation()).isNull();
    }

    @Test
    void detectsMt942FromTheSwiftHeaderOrItsFields() {
        String mt942 = String.join("\n", ":20:CGNGHKLI0290980", ":25:GJB0291077111", ":28C:03917/00001",
                ":34F:EURD0,00", ":13D:1610301730+0100", ":61:1610301031D0,42NMSCNONREF//055001022000001",
                ":86:REMIT:Costs", ":90D:1EUR0,42");

        StatementParser parser = open(mt942, StandardCharsets.UTF_8);
        List<StatementEvent> events = readAll(parser);

        assertThat(parser.format()).isEqualTo("mt942");
        StatementEvent.Started started = (StatementEvent.Started) events.get(0);
        assertThat(started.header().account().currency()).isEqualTo("EUR");
        assertThat(started.header().createdAt()).isEqualTo("2016-10-30T17:30+01:00");
        assertThat(started.header().openingBalance()).isNull();
        assertThat(lines(events).get(0).status().name()).isEqualTo("BOOKED");
        assertThat(open("{1:F01X}{2:O942X}{4:\n" + mt942 + "\n-}", StandardCharsets.UTF_8).format())
                .isEqualTo("mt942");
    }

    @Test
    void continuesAfterAnUnreadableStatementLine() {
        String file = STATEMENT.replace(":61:0709070904DR12,50NTRF", ":61:0709070904XX12,50NTRF");
        StatementParser parser = open(file, StandardCharsets.UTF_8);

        assertThat(parser.next()).isInstanceOf(StatementEvent.Started.class);
        MalformedEntryException skipped = catchThrowableOfType(MalformedEntryException.class, parser::next);
        assertThat(skipped.file()).isEqualTo(FILE);
        assertThat(skipped.location()).isEqualTo("line 5");
        assertThat(skipped.getMessage()).contains(FILE, "line 5", ":61:", "debit/credit mark");
        assertThat(skipped.snippet()).startsWith(":61:0709070904XX");
        assertThat(parser.next()).isInstanceOf(StatementEvent.Line.class);
        assertThat(parser.next()).isInstanceOf(StatementEvent.Ended.class);
        assertThat(parser.next()).isNull();
    }

    @Test
    void rejectsAStatementWithoutAccount() {
        assertRejected(STATEMENT.replace(":25:DE89370400440532013000\n", ""), "line 1", ":25:");
    }

    @Test
    void rejectsAnMt940StatementWithoutOpeningBalance() {
        assertRejected(STATEMENT.replace(":60F:C070903EUR1000,00\n", ""), "line 1", ":60F:");
    }

    @Test
    void rejectsATruncatedMessage() {
        String truncated = STATEMENT.substring(0, STATEMENT.indexOf(":62F:"));

        assertRejected(truncated, "line 1", "closing balance");
    }

    @Test
    void rejectsFieldsBeforeAnyTransactionReference() {
        assertRejected(":61:0709070904DR12,50NTRFNONREF\n:86:text\n", "line 1", ":20:");
    }

    @Test
    void rejectsAMalformedBalance() {
        assertRejected(STATEMENT.replace(":62F:C070904EUR990,00", ":62F:C0709EUR990,00"), "line 8", ":62F:");
    }

    @Test
    void rejectsAFileThatIsNotAnMt940() {
        assertRejected(":9401:\n:20:940S140102\n:25:NL34RABO0142623393 EUR\n", "line 1", "':9401:'");
        assertThat(new Mt940Format().accepts("1\n2\n3\n".getBytes(StandardCharsets.US_ASCII), 6)).isFalse();
        assertThat(new Mt940Format().accepts("<?xml version=\"1.0\"?>".getBytes(StandardCharsets.US_ASCII), 21))
                .isFalse();
        byte[] head = "ABNANL2A\r\n940\r\n:20:X".getBytes(StandardCharsets.US_ASCII);
        assertThat(new Mt940Format().accepts(head, head.length)).isTrue();
    }

    @Test
    void keepsFailingOnceAFatalErrorWasReported() {
        StatementParser parser = open(":61:0709070904DR12,50NTRFNONREF\n", StandardCharsets.UTF_8);

        assertThatThrownBy(parser::next).isInstanceOf(StatementFormatException.class);
        assertThatThrownBy(parser::next).isInstanceOf(StatementFormatException.class);
    }

    private static void assertRejected(String content, String location, String reasonPart) {
        StatementFormatException error = catchThrowableOfType(StatementFormatException.class,
                () -> readAll(open(content, StandardCharsets.UTF_8)));

        assertThat(error).as("rejection").isNotNull().isNotInstanceOf(MalformedEntryException.class);
        assertThat(error.file()).isEqualTo(FILE);
        assertThat(error.location()).isEqualTo(location);
        assertThat(error.reason()).contains(reasonPart);
        assertThat(error.getMessage()).contains(FILE, location);
    }
}
