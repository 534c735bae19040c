package io.finbatch.jobs.cli;

import io.finbatch.jobs.support.Examples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code parse FILE}: canonical JSON on stdout, or exit 2 with the reason on stderr and nothing on stdout. */
class ParseCommandTests {

    @TempDir
    Path dir;

    @Test
    void printsTheCanonicalJsonOfACamtStatement() {
        CommandLineRunner.Run run = CommandLineRunner.run("parse", Examples.file(Examples.CAMT053).toString());

        assertThat(run.exitCode()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(run.out());
        assertThat(json.get("format").asString()).isEqualTo("camt.053.001.08");
        JsonNode statement = json.get("statements").get(0);
        assertThat(statement.get("account").get("iban").asString()).isEqualTo("NL91ABNA0417164300");
        assertThat(statement.get("lines")).hasSize(7);
        assertThat(statement.get("otherLines")).hasSize(1);
        assertThat(statement.get("openingBalance").get("amount").asString()).isEqualTo("50000.00");
        assertThat(statement.get("closingBalance").get("amount").asString()).isEqualTo("59125.38");
        assertThat(statement.get("balanceCheck").get("ok").asBoolean()).isTrue();
        assertThat(statement.get("balanceCheck").get("difference").asString()).isEqualTo("0.00");
        JsonNode fx = statement.get("lines").get(4);
        assertThat(fx.get("amount").asString()).isEqualTo("-850.12");
        assertThat(fx.get("originalAmount").get("amount").asString()).isEqualTo("1000.00");
        assertThat(fx.get("originalAmount").get("currency").asString()).isEqualTo("USD");
        assertThat(fx.get("batchReference").isNull()).isTrue();
        JsonNode batchDetail = statement.get("lines").get(2);
        assertThat(batchDetail.get("amount").asString()).isEqualTo("-1000.00");
        assertThat(batchDetail.get("batchReference").asString()).isNotBlank();
        assertThat(batchDetail.get("counterparty").get("name").asString()).isEqualTo("A. Jansen");
        JsonNode structured = statement.get("lines").get(5);
        assertThat(structured.get("structuredReference").asString()).isEqualTo("RF18539007547034");
        assertThat(structured.get("endToEndId").isNull()).as("NOTPROVIDED is no reference").isTrue();
        JsonNode reversal = statement.get("lines").get(6);
        assertThat(reversal.get("reversal").asBoolean()).isTrue();
        assertThat(reversal.get("amount").asString()).isEqualTo("45.00");
        assertThat(reversal.get("remittance").asString()).contains("Reversal of direct debit MREF M-000913");
        assertThat(statement.get("otherLines").get(0).get("amount").asString()).isEqualTo("99.00");
    }

    @Test
    void printsAnMt940WithReversalAndGermanStructuredDetails() {
        CommandLineRunner.Run run = CommandLineRunner.run("parse", Examples.file(Examples.MT940).toString());

        assertThat(run.exitCode()).isZero();
        JsonNode statements = JsonMapper.builder().build().readTree(run.out()).get("statements");
        assertThat(statements).hasSize(2);
        JsonNode reversal = statements.get(1).get("lines").get(3);
        assertThat(reversal.get("amount").asString()).isEqualTo("1250.00");
        assertThat(reversal.get("reversal").asBoolean()).isTrue();
        JsonNode rent = statements.get(1).get("lines").get(2);
        assertThat(rent.get("customerReference").asString()).isEqualTo("PAY-2026-0311");
        assertThat(rent.get("counterparty").get("iban").asString()).isEqualTo("FR1420041010050500013M02606");
        assertThat(rent.get("endToEndId").asString()).isEqualTo("PAY-2026-0311");
        assertThat(statements.get(1).get("balanceCheck").get("ok").asBoolean()).isTrue();
    }

    @Test
    void rejectsAFileWithADtdWithExitTwoAndNothingOnStandardOutput() throws Exception {
        Path xxe = Examples.altered(Examples.CAMT053, dir, "xxe.xml", text -> text.replace(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE Document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"));

        CommandLineRunner.Run run = CommandLineRunner.run("parse", xxe.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("xxe.xml").containsIgnoringCase("DTD");
    }

    @Test
    void rejectsAFileOfNoKnownFormat() throws Exception {
        Path notAStatement = Files.writeString(dir.resolve("notes.txt"), "Dear treasury team,\nplease find attached.\n");

        CommandLineRunner.Run run = CommandLineRunner.run("parse", notAStatement.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("notes.txt");
    }

    @Test
    void rejectsAMissingFile() {
        CommandLineRunner.Run run = CommandLineRunner.run("parse", dir.resolve("absent.sta").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("absent.sta").contains("not found");
    }
}
