package io.finbatch.readers.rules;

import io.finbatch.mappings.rules.BankAccount;
import io.finbatch.mappings.rules.BankLineMapping;
import io.finbatch.mappings.rules.BankLineRule;
import io.finbatch.mappings.rules.BankLineRules;
import io.finbatch.mappings.rules.Sign;
import io.finbatch.mappings.statement.Counterparty;
import io.finbatch.mappings.statement.StatementLine;
import io.finbatch.mappings.statement.TransactionCode;
import io.finbatch.readers.SourceFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BankLineRulesYamlTest {

    private static final String FILE = "rules/test.yml";

    private static final String VALID = """
            description: test rules
            accounts:
              de89 3704 0044 0532 0130 00:
                entity: ACME-DE
                ledger_account: 101401
                currency: EUR
              NL91ABNA0417164300:
                entity: ACME-NL
                ledger_account: 0100
            rules:
              - name: rent
                description: office rent
                match:
                  account: DE89370400440532013000
                  sign: debit
                  reversal: false
                  transaction_code:
                    domain: PMNT
                    family: ICDT
                    sub_family: ESCT
                    proprietary: ["177", 116]
                    swift: NTRF
                  counterparty_name: "(?i)tilleuls"
                  counterparty_iban: "^FR14"
                  remittance: "(?i)\\\\bmiete\\\\b"
                  reference: "^PAY-"
                target:
                  account: 612000
                  partner: "{counterparty}"
                  analytic: DE-OFFICE
                  label: "Office rent: {remittance}"
              - name: everything-else
                target:
                  account: 999
            """;

    private static BankLineRules read(String yaml) {
        return BankLineRulesYaml.read(new StringReader(yaml), FILE);
    }

    private static SourceFileException error(String yaml) {
        SourceFileException e = catchThrowableOfType(SourceFileException.class, () -> read(yaml));
        assertThat(e).as("no error for:\n" + yaml).isNotNull();
        assertThat(e.file()).isEqualTo(FILE);
        return e;
    }

    @Test
    void readsEveryKeyKeepingValuesAsText() {
        BankLineRules rules = read(VALID);
        assertThat(rules.accounts()).containsOnlyKeys("DE89370400440532013000", "NL91ABNA0417164300");
        assertThat(rules.accounts().get("NL91ABNA0417164300"))
                .isEqualTo(new BankAccount("NL91ABNA0417164300", "ACME-NL", "0100", null));
        BankLineRule rent = rules.rules().get(0);
        assertThat(rent.name()).isEqualTo("rent");
        assertThat(rent.origin()).isEqualTo("rule 1 (rent) of " + FILE + " (line 11)");
        assertThat(rent.match().accounts()).containsExactly("DE89370400440532013000");
        assertThat(rent.match().sign()).isEqualTo(Sign.DEBIT);
        assertThat(rent.match().reversal()).isFalse();
        assertThat(rent.match().domains()).containsExactly("PMNT");
        assertThat(rent.match().families()).containsExactly("ICDT");
        assertThat(rent.match().subFamilies()).containsExactly("ESCT");
        assertThat(rent.match().proprietaryCodes()).containsExactlyInAnyOrder("177", "116");
        assertThat(rent.match().swiftCodes()).containsExactly("NTRF");
        assertThat(rent.match().counterpartyName().pattern()).isEqualTo("(?i)tilleuls");
        assertThat(rent.match().remittance().pattern()).isEqualTo("(?i)\\bmiete\\b");
        assertThat(rent.target().account()).isEqualTo("612000");
        assertThat(rent.target().analytic()).isEqualTo("DE-OFFICE");
        assertThat(rent.target().label().text()).isEqualTo("Office rent: {remittance}");
        // a rule without match applies to the accounts of its file, and to nothing else
        assertThat(rules.rules().get(1).match().accounts())
                .isEqualTo(Set.of("DE89370400440532013000", "NL91ABNA0417164300"));
    }

    @Test
    void theLoadedRulesMapALine() {
        StatementLine rent = StatementLine.builder().bookingDate(LocalDate.of(2026, 10, 30))
                .amount(new BigDecimal("-3200.00")).currency("EUR").endToEndId("PAY-2026-0311")
                .counterparty(new Counterparty("SCI Les Tilleuls", "FR1420041010050500013M02606", null, null))
                .remittance("Miete November 2026")
                .transactionCode(new TransactionCode("PMNT", "ICDT", "ESCT", "177", "NTRF"))
                .build();
        BankLineMapping.Matched matched = (BankLineMapping.Matched) read(VALID).map("DE89370400440532013000", rent);
        assertThat(matched.rule().name()).isEqualTo("rent");
        assertThat(matched.counterLine().label()).isEqualTo("Office rent: Miete November 2026");
        assertThat(matched.counterLine().partnerName()).isEqualTo("SCI Les Tilleuls");
        BankLineMapping.Matched other = (BankLineMapping.Matched) read(VALID)
                .map("DE89370400440532013000", rent.toBuilder().remittance("Kaution").build());
        assertThat(other.rule().name()).isEqualTo("everything-else");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            unknown top-level key  | description: test rules                  | descripton: test rules                   | line 1, top level, field descripton | unknown key; allowed here: accounts, description, rules
            unknown match key      | `      sign: debit`                      | `      sing: debit`                      | line 15, rule 1 (rent), field match.sing | unknown key; allowed here: account, counterparty_iban, counterparty_name, reference, remittance, reversal, sign, transaction_code
            unknown code key       | `        swift: NTRF`                    | `        swift_code: NTRF`               | line 22, rule 1 (rent), field match.transaction_code.swift_code | unknown key; allowed here: domain, family, proprietary, sub_family, swift
            bad regex at the start | `"^FR14"`                               | `"*FR14"`                                | line 24, rule 1 (rent), field match.counterparty_iban | '*FR14' is not a valid regular expression: Dangling meta character '*' near position 1
            bad regex at the end   | `"(?i)tilleuls"`                         | `"(?i)tilleuls("`                        | line 23, rule 1 (rent), field match.counterparty_name | '(?i)tilleuls(' is not a valid regular expression: Unclosed group at the end
            bad sign               | `      sign: debit`                      | `      sign: out`                        | line 15, rule 1 (rent), field match.sign | 'out' is neither credit (money in) nor debit (money out)
            bad reversal           | `      reversal: false`                  | `      reversal: no`                     | line 16, rule 1 (rent), field match.reversal | 'no' is neither true nor false
            unknown label field    | `"Office rent: {remittance}"`            | `"Office rent: {remitance}"`             | line 31, rule 1 (rent), field target.label | 'Office rent: {remitance}': unknown field {remitance}; known: {counterparty}, {counterparty_iban}, {remittance}, {structured_reference}, {end_to_end_id}, {customer_reference}, {bank_reference}, {booking_date}, {value_date}, {amount}, {currency}
            missing target account | `      account: 999`                     | `      partner: Somebody`                | line 34, rule 2 (everything-else), field target.account | is missing
            empty target account   | `      account: 999`                     | `      account:`                         | line 34, rule 2 (everything-else), field target.account | is empty
            missing name           | `  - name: everything-else`             | `  - description: no name`               | line 32, rule 2, field name | is missing
            invalid IBAN           | `  de89 3704 0044 0532 0130 00:`         | `  DE88370400440532013000:`              | line 3, top level, field accounts | 'DE88370400440532013000' is not a valid IBAN (check digits)
            foreign match account  | `      account: DE89370400440532013000` | `      account: BE68539007547034`        | line 14, rule 1 (rent), field match.account | 'BE68539007547034' is not one of the accounts this file defines: DE89370400440532013000, NL91ABNA0417164300
            account without entity | `    entity: ACME-NL`                    | `    owner: ACME-NL`                     | line 8, account NL91ABNA0417164300, field accounts.NL91ABNA0417164300.owner | unknown key; allowed here: currency, description, entity, ledger_account
            bad currency           | `    currency: EUR`                      | `    currency: Euro`                     | line 6, account DE89370400440532013000, field accounts.DE89370400440532013000.currency | 'Euro' is not an ISO 4217 currency code
            duplicate rule name    | `  - name: everything-else`             | `  - name: rent`                         | line 32, rule 2 (rent), field name | rule name 'rent' is already used by rule 1 (rent) of rules/test.yml (line 11)
            duplicate key          | `      analytic: DE-OFFICE`              | `      account: 613000`                  | line 30, rule 1 (rent), field target.account | the key is given twice
            code as a mapping      | `        swift: NTRF`                    | `        swift: {code: NTRF}`            | line 22, rule 1 (rent), field match.transaction_code.swift | must be a value or a list of values
            """)
    void refusesAnInvalidFileNamingLineRuleAndField(String what, String original, String replacement, String location,
            String reason) {
        assertThat(VALID).as(what).contains(original);
        SourceFileException e = error(VALID.replaceFirst(Pattern.quote(original),
                Matcher.quoteReplacement(replacement)));
        assertThat(e.location()).as(what).isEqualTo(location);
        assertThat(e.reason()).as(what).isEqualTo(reason);
    }

    @Test
    void refusesARuleWithoutTargetOrAccounts() {
        SourceFileException e = error(VALID.replace("""
                  - name: everything-else
                    target:
                      account: 999
                """, """
                  - name: everything-else
                    match:
                      sign: credit
                """));
        assertThat(e.getMessage()).isEqualTo(FILE + ": line 32, rule 2 (everything-else), field target: "
                + "is missing: a rule needs a target account");
        assertThat(error("rules: []\n").getMessage())
                .isEqualTo(FILE + ": line 1, top level, field accounts: is missing: the file must define the bank "
                        + "accounts its rules are for");
        assertThat(error("accounts: {}\nrules: []\n").reason()).isEqualTo("defines no bank account");
        assertThat(error("accounts: {DE89370400440532013000: {entity: A, ledger_account: '1'}}\nrules: none\n")
                .getMessage()).isEqualTo(FILE + ": line 2, top level, field rules: must be a list");
    }

    @Test
    void refusesWhatIsNotYaml() {
        assertThat(error("").reason()).isEqualTo("the file is empty");
        SourceFileException e = error("accounts:\n  - [unclosed\nrules: x\n");
        assertThat(e.location()).isEqualTo("line 3");
        assertThat(e.reason()).startsWith("not valid YAML: ");
        assertThat(error("- just\n- a list\n").reason()).isEqualTo("must be a mapping of keys to values");
    }

    @Test
    void loadsAFolderInFileNameOrderAndRefusesDefinitionsRepeatedAcrossFiles(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("b-nl.yml"), """
                accounts:
                  NL91ABNA0417164300: {entity: ACME-NL, ledger_account: "1100"}
                rules:
                  - name: nl-all
                    target: {account: "1300"}
                """);
        Files.writeString(dir.resolve("a-de.yaml"), """
                accounts:
                  DE89370400440532013000: {entity: ACME-DE, ledger_account: "101401"}
                rules:
                  - name: de-all
                    target: {account: "121000"}
                """);
        Files.writeString(dir.resolve("notes.txt"), "not a rules file");
        BankLineRules rules = BankLineRulesYaml.loadAll(dir);
        assertThat(rules.rules()).extracting(BankLineRule::name).containsExactly("de-all", "nl-all");
        // the DE file's catch-all does not take NL's lines
        StatementLine line = StatementLine.builder().amount(BigDecimal.TEN).currency("EUR").build();
        assertThat(((BankLineMapping.Matched) rules.map("NL91ABNA0417164300", line)).rule().name()).isEqualTo("nl-all");

        Files.writeString(dir.resolve("c-de-again.yml"), """
                accounts:
                  DE89370400440532013000: {entity: ACME-DE, ledger_account: "101401"}
                rules:
                  - name: nl-all
                    target: {account: "1"}
                """);
        assertThatThrownBy(() -> BankLineRulesYaml.loadAll(dir))
                .hasMessage(dir.resolve("c-de-again.yml") + ": account DE89370400440532013000: the account is already "
                        + "defined in " + dir.resolve("a-de.yaml"));
        Files.writeString(dir.resolve("c-de-again.yml"), """
                accounts:
                  DE44500105175407324931: {entity: ACME-DE, ledger_account: "101402"}
                rules:
                  - name: nl-all
                    target: {account: "1"}
                """);
        assertThatThrownBy(() -> BankLineRulesYaml.loadAll(dir))
                .hasMessage(dir.resolve("c-de-again.yml") + ": line 4, rule 1 (nl-all), field name: rule name 'nl-all' "
                        + "is already used by rule 1 (nl-all) of " + dir.resolve("b-nl.yml") + " (line 4)");
        assertThatThrownBy(() -> BankLineRulesYaml.loadAll(dir.resolve("missing")))
                .isInstanceOf(SourceFileException.class).hasMessageContaining("cannot list the folder");
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThatThrownBy(() -> BankLineRulesYaml.loadAll(empty)).hasMessage(empty + ": no rule files (*.yml, *.yaml)");
        assertThat(List.of(BankLineRulesYaml.load(dir.resolve("b-nl.yml")).rules().get(0).name())).containsExactly("nl-all");
    }
}
