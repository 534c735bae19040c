package io.finbatch.bench.crosscheck;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ProwideMtFactsTest {

    private static final String TWO_STATEMENTS = """
            BANKHEADER
            :20:ONE
            :25:12345678/0001
            :28C:1/1
            :60F:C250102EUR100,00
            :61:2501020102D10,50NTRFNONREF//X
            :86:116?00SEPA-UEBERWEISUNG
            :62F:C250102EUR89,50
            -
            :20:TWO
            :25:12345678/0001
            :28C:2/1
            :60F:C250103EUR89,50
            :61:2501030103RD1,00NTRFNONREF//Y
            :61:2501030103C2,00NTRFNONREF//Z
            :62F:C250103EUR90,50
            -
            """;

    @Test
    void splitsAFileWithoutEnvelopesAtEachReferenceAndWrapsIt() {
        var messages = ProwideMtFacts.messages(TWO_STATEMENTS, "940");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0)).startsWith("{1:").contains("{2:I940").contains(":20:ONE\r\n")
                .doesNotContain("BANKHEADER").endsWith("\r\n-}");
    }

    @Test
    void prowideReadsTheWrappedMessagesWithTheContractsSigns() {
        FileFacts facts = ProwideMtFacts.read(TWO_STATEMENTS.getBytes(StandardCharsets.ISO_8859_1), false);
        assertThat(facts.statements()).hasSize(2);
        assertThat(facts.entries()).isEqualTo(3);
        assertThat(facts.sum()).isEqualByComparingTo("-9.50");
        assertThat(facts.statements().get(1).balances()).extracting(FileFacts.TypedBalance::type)
                .containsExactly("60F", "62F");
    }
}
