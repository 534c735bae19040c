package io.finbatch.readers.rules;

import io.finbatch.mappings.journal.JournalEntryLine;
import io.finbatch.mappings.rules.BankAccount;
import io.finbatch.mappings.rules.BankLineMapping;
import io.finbatch.mappings.rules.BankLineMappingReport;
import io.finbatch.mappings.rules.BankLineRule;
import io.finbatch.mappings.rules.BankLineRules;
import io.finbatch.mappings.statement.StatementEvent;
import io.finbatch.mappings.statement.StatementLine;
import io.finbatch.readers.SourceFileException;
import io.finbatch.readers.StatementFormats;
import io.finbatch.readers.StatementStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules shipped in {@code mappings/rules}, applied to the sample statements of {@code examples/statements}. */
class ShippedRulesTest {

    private static final Path ROOT = Path.of(System.getProperty("finbatch.projectRoot", "..")).toAbsolutePath().normalize();
    private static final Path RULES = ROOT.resolve("mappings/rules");
    private static final String DE = "DE89370400440532013000";
    private static final String NL = "NL91ABNA0417164300";

    /** Every line of the sample statement files, per account key, in file order (the MT942 lines come twice). */
    private static Map<String, List<StatementLine>> sampleLines() throws IOException {
        Map<String, List<StatementLine>> lines = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(ROOT.resolve("examples/statements"))) {
            files = listing.sorted().toList();
        }
        for (Path file : files) {
            try (StatementStream stream = StatementFormats.all().open(file)) {
                StatementEvent event;
                while ((event = stream.next()) != null) {
                    if (event instanceof StatementEvent.Line line) {
                        lines.computeIfAbsent(line.header().account().key(), k -> new ArrayList<>()).add(line.line());
                    }
                }
            }
        }
        return lines;
    }

    private static Map<String, String> ruleByBankReference(BankLineMappingReport report) {
        return report.matched().stream().collect(Collectors.toMap(m -> m.line().bankReference(),
                m -> m.rule().name(), (a, b) -> a, LinkedHashMap::new));
    }

    @Test
    void everyLineOfTheGermanAccountIsMappedByTheRuleMeantForIt() throws IOException {
        BankLineMappingReport report = BankLineRulesYaml.loadAll(RULES).mapAll(DE, sampleLines().get(DE));
        assertThat(report.unmatched()).isEmpty();
        assertThat(ruleByBankReference(report)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "CB26103000001", "de-customer-receipts-northwind",
                "CB26103000002", "de-mobile-direct-debit",
                "CB26102900001", "de-supplier-payments",
                "CB26102900002", "de-customer-receipts-northwind",
                "CB26103000003", "de-office-rent",
                "CB26103000004", "de-returned-transfers"));
        BankLineMapping.Matched rent = report.matched().stream()
                .filter(m -> m.line().bankReference().equals("CB26103000003")).findFirst().orElseThrow();
        assertThat(rent.bankLine()).isEqualTo(new JournalEntryLine("101401", "SCI Les Tilleuls",
                "Office rent: Miete November 2026", null, new BigDecimal("3200.00"), null, null, null));
        assertThat(rent.counterLine()).isEqualTo(new JournalEntryLine("612000", "SCI Les Tilleuls",
                "Office rent: Miete November 2026", new BigDecimal("3200.00"), null, null, null, "DE-OFFICE"));
        BankLineMapping.Matched returned = report.matched().stream()
                .filter(m -> m.line().bankReference().equals("CB26103000004")).findFirst().orElseThrow();
        assertThat(returned.bankLine().debit()).isEqualByComparingTo("1250.00");
        assertThat(returned.counterLine().credit()).isEqualByComparingTo("1250.00");
        assertThat(returned.counterLine().label()).isEqualTo("Returned transfer INV-2026-1042: Rueckgabe IBAN ungueltig");
    }

    @Test
    void theDutchReversedDirectDebitIsLeftToAController() throws IOException {
        BankLineMappingReport report = BankLineRulesYaml.loadAll(RULES).mapAll(NL, sampleLines().get(NL));
        assertThat(report.matched()).extracting(m -> m.rule().name()).containsExactly("nl-customer-receipts",
                "nl-expense-claims", "nl-expense-claims", "nl-expense-claims", "nl-foreign-supplier-payments",
                "nl-receipts-with-creditor-reference");
        assertThat(report.unmatchedListing()).containsExactly(
                NL + " 2026-10-30 45.00 EUR \"Reversal of direct debit MREF M-000913, disputed by debtor\""
                        + " (/Document/BkToCstmrStmt/Stmt[1]/Ntry[5]): no rule matches",
                NL + " 2026-11-02 99.00 EUR \"Incoming SEPA credit transfer, pending\""
                        + " (/Document/BkToCstmrStmt/Stmt[1]/Ntry[6]): not booked (PENDING)");
        BankLineMapping.Matched claim = report.matched().get(1);
        assertThat(claim.counterLine()).isEqualTo(new JournalEntryLine("1650", "J. de Vries",
                "Declaratie Expenses October J. de Vries", new BigDecimal("1200.00"), null, null, null, "NL-STAFF"));
        assertThat(report.matched().get(5).counterLine().label()).isEqualTo("Ontvangst RF18539007547034");
    }

    @Test
    void everyAccountTheRulesBookIsInTheEntitysChart() throws IOException {
        BankLineRules rules = BankLineRulesYaml.loadAll(RULES);
        assertThat(rules.accounts().keySet()).containsExactlyInAnyOrder(DE, NL);
        for (BankAccount account : rules.accounts().values()) {
            Set<String> chart = localChart(account.entity());
            assertThat(chart).as("chart of %s", account.entity()).contains(account.ledgerAccount());
            for (BankLineRule rule : rules.rules()) {
                if (rule.match().accounts().contains(account.key())) {
                    assertThat(chart).as("target of %s", rule.name()).contains(rule.target().account());
                }
            }
        }
    }

    @Test
    void aBrokenShippedFileIsReportedWithItsRuleAndField(@TempDir Path dir) throws IOException {
        String text = Files.readString(RULES.resolve("acme-de-commerzbank.yml"));
        Path broken = dir.resolve("acme-de-commerzbank.yml");
        Files.writeString(broken, text.replace("\"(?i)\\\\bmiete\\\\b\"", "\"(?i)miete(\""));
        assertThatThrownBy(() -> BankLineRulesYaml.load(broken)).isInstanceOf(SourceFileException.class)
                .hasMessage(broken + ": line 59, rule 4 (de-office-rent), field match.remittance: '(?i)miete(' is not "
                        + "a valid regular expression: Unclosed group at the end");
    }

    private static Set<String> localChart(String entity) throws IOException {
        try (Stream<String> lines = Files.lines(ROOT.resolve("examples/group/account-mapping/" + entity + ".csv"))) {
            return lines.skip(1).map(l -> l.split(",")[1]).collect(Collectors.toSet());
        }
    }
}
