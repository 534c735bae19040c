package io.finbatch.mappings.statement;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unique import ids are persisted: a re-import finds its duplicates only if the same line still gets
 * the very same id. These ids were computed once and must never change, however the id is built.
 */
class UniqueImportIdsPinnedTests {

    private static final LocalDate OCT_30 = LocalDate.of(2026, 10, 30);

    @Test
    void idsOfSampleLinesNeverChange() {
        UniqueImportIds ids = new UniqueImportIds();
        List<String> computed = new ArrayList<>();
        ids.startStatement();
        AccountId iban = new AccountId("DE89370400440532013000", null, "EUR", null);
        computed.add(ids.idFor(iban, "EUR", withBankReference().build()));
        computed.add(ids.idFor(iban, "EUR", withoutBankReference().build()));
        computed.add(ids.idFor(iban, "EUR", withoutBankReference().build()));
        computed.add(ids.idFor(iban, "EUR", withoutBankReference().build()));
        computed.add(ids.idFor(iban, "USD", withBankReference().currency(null).amount(new BigDecimal("1E+2")).build()));
        computed.add(ids.idFor(iban, "EUR", withBankReference().amount(new BigDecimal("-0.10")).reversal(true).build()));
        computed.add(ids.idFor(iban, "EUR", withBankReference().amount(new BigDecimal("0.000")).build()));
        computed.add(ids.idFor(iban, "EUR", withBankReference().bankReference("   ").build()));
        computed.add(ids.idFor(iban, "EUR", StatementLine.builder().build()));
        ids.startStatement();
        computed.add(ids.idFor(iban, "EUR", withoutBankReference().build()));
        AccountId other = new AccountId(null, "370400 44|0532 013000 ", null, null);
        computed.add(ids.idFor(other, "EUR", withBankReference().build()));
        computed.add(ids.idFor(null, null, withoutBankReference().currency(null).build()));
        computed.add(ids.idFor(iban, "EUR", withoutBankReference().remittance("Gift \uD83C\uDF81, lone \uD800 and \uDC00.").build()));
        computed.add(ids.idFor(iban, "EUR", withoutBankReference().amount(new BigDecimal("-123456789012345678901234.5600")).bookingDate(LocalDate.of(12026, 1, 2)).build()));
        computed.add(ids.idFor(iban, "EUR", withoutBankReference().amount(new BigDecimal("7")).bookingDate(LocalDate.of(826, 1, 2)).valueDate(LocalDate.of(-3, 12, 31)).build()));

        assertThat(computed).containsExactly(PINNED);
    }

    /** Keys longer than the encoding buffer: the buffer grows, the ids must not change. */
    @Test
    void idsOfLongKeysNeverChange() {
        UniqueImportIds ids = new UniqueImportIds();
        ids.startStatement();
        AccountId iban = new AccountId("DE89370400440532013000", null, "EUR", null);
        StatementLine.Builder line = StatementLine.builder().valueDate(OCT_30).bookingDate(OCT_30)
                .amount(new BigDecimal("-50.00")).currency("EUR").customerReference("MARF")
                .remittance("Überweisung ".repeat(60) + "Ende").rawInformation("raw\n".repeat(40));

        assertThat(ids.idFor(iban, "EUR", line.build())).isEqualTo("52a64d0237bd1eebbce8007d0d731ec8cecb7c62");
        assertThat(ids.idFor(iban, "EUR", line.build())).isEqualTo("f6d6f0bed922d55f080a6df47cf3a1033e13f125");
    }

    private static StatementLine.Builder withBankReference() {
        return StatementLine.builder().valueDate(OCT_30).bookingDate(OCT_30.plusDays(1))
                .amount(new BigDecimal("-12.50")).currency("EUR").bankReference(" REF|1 ")
                .batchReference("B||2").endToEndId("E2E-7").customerReference("NONREF")
                .remittance("not in the key").location("line 7");
    }

    private static StatementLine.Builder withoutBankReference() {
        return StatementLine.builder().valueDate(OCT_30).bookingDate(OCT_30)
                .amount(new BigDecimal("100.000")).currency("EUR")
                .endToEndId("E2E|8").customerReference("Kd 1").batchReference(null)
                .counterparty(new Counterparty("Müller & Söhne | GmbH", "NL91ABNA0417164300", "ABC|1", "ABNANL2A"))
                .structuredReference("RF18539007547034")
                .remittance("Rechnung 4711\nvom 1.10. — Überweisung |")
                .transactionCode(new TransactionCode("PMNT", "RCDT", "ESCT", "166", "NTRF"))
                .rawInformation("  166?00GUTSCHRIFT\r\n?20EREF+E2E|8 \t\t?21SVWZ+Rechnung  ")
                .status(EntryStatus.BOOKED).location("line 9");
    }

    private static final String[] PINNED = {
            "8203ab64f1bb1d42837a2968aa8c74d67b4dbb21",
            "392fecb1237fa54daf6b433065b7d9ed6e6b3bdf",
            "1bc31f940965a2d333e43c199f003af039c58041",
            "2e9892f15a4f79598842f002473c2d98d3507bcd",
            "3f4c4252811963cf4cb7016e096ed7d1d0f23b32",
            "6793c03820b99a3f6a54935ab60b91d9ae05d9ed",
            "b90cfa6bd7ad20c207ef6e2f09fab4bd8c378f94",
            "ec8ce2226dc0c370a2aab747c1aea11410225239",
            "3d313c1e1bcc0517bac3b077c5d62e6715974022",
            "392fecb1237fa54daf6b433065b7d9ed6e6b3bdf",
            "741700144c9f7b6a3d5f1e3009445392ff88d084",
            "605f95c21609314b4b891a30b6a6ecc628032238",
            "9bb3be2f566b0aba98bef3d56ffd72059eeaaae5",
            "b9cc0f2fc6f95a9e20db97b87a2c2ff0ea62a4b9",
            "b784fe41071c0e202fce607a07eb267d8de48a97",
    };
}
