package io.finbatch.odoosandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountingTest {

    private OdooSandbox sandbox;
    private SandboxClient client;

    @BeforeEach
    void start() {
        sandbox = OdooSandbox.start(new SandboxOptions().seed(SandboxOptions.Seed.CHART_ONLY)
                .clock(Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC)));
        client = new SandboxClient(sandbox.url());
    }

    @AfterEach
    void stop() {
        sandbox.stop();
    }

    private static Map<String, Object> entry(String ref, double debit, double credit) {
        return Map.of("journal_id", 3, "date", "2026-11-20", "ref", ref, "line_ids", List.of(
                List.of(0, 0, Map.of("account_id", 32, "name", ref, "debit", debit)),
                List.of(0, 0, Map.of("account_id", 44, "name", ref, "credit", credit))));
    }

    private Map<String, Object> error(SandboxClient.Response response) {
        assertThat(response.map()).containsKey("error");
        return response.errorData();
    }

    @Test
    void balanceIsCheckedWithinTheCurrencyRounding() {
        Object id = client.call("account.move", "create", List.of(entry("ROUNDING", 100.004, 100.0)), Map.of());
        assertThat(id).isInstanceOf(Long.class);
        Map<String, Object> err = error(client.executeKw("account.move", "create", List.of(entry("OFF", 100.01, 100.0)), Map.of()));
        assertThat(err.get("name")).isEqualTo("odoo.exceptions.UserError");
        assertThat(err.get("message")).isEqualTo("The entry is not balanced.");
        assertThat(sandbox.findByRef("account.move", "OFF")).isEmpty();
    }

    @Test
    void postingNumbersPerJournalAndMonthAndBalancesLines() {
        long id = (Long) client.call("account.move", "create", List.of(entry("A", 150, 150)), Map.of());
        assertThat(client.call("account.move", "read", List.of(List.of(id), List.of("name", "state", "amount_total")), Map.of()))
                .isEqualTo(List.of(Map.of("id", id, "name", false, "state", "draft", "amount_total", 150.0)));
        assertThat(client.call("account.move", "action_post", List.of(List.of(id)), Map.of())).isEqualTo(false);
        long second = (Long) client.call("account.move", "create", List.of(entry("B", 1, 1)), Map.of());
        client.call("account.move", "action_post", List.of(List.of(second)), Map.of());
        assertThat(sandbox.findByRef("account.move", "A").get(0).get("name")).isEqualTo("MISC/2026/11/0001");
        assertThat(sandbox.findByRef("account.move", "B").get(0).get("name")).isEqualTo("MISC/2026/11/0002");
        List<Map<String, Object>> lines = sandbox.searchRead("account.move.line", List.of(List.of("move_id", "=", id)),
                List.of("debit", "credit", "balance", "amount_currency", "parent_state", "account_id"));
        assertThat(lines).extracting(l -> (Object) l.get("balance")).containsExactly(150.0, -150.0);
        assertThat(lines).extracting(l -> (Object) l.get("parent_state")).containsOnly("posted");
        assertThat(lines.get(1).get("account_id")).isEqualTo(List.of(44L, "101401 Bank"));
        Map<String, Object> again = error(client.executeKw("account.move", "action_post", List.of(List.of(id)), Map.of()));
        assertThat(again.get("message")).isEqualTo("The entry MISC/2026/11/0001 (id " + id + ") must be in draft.");
    }

    @Test
    void postedEntriesAreNotWritableNorDeletable() {
        long id = (Long) client.call("account.move", "create", List.of(entry("P", 10, 10)), Map.of());
        client.call("account.move", "action_post", List.of(List.of(id)), Map.of());
        Map<String, Object> err = error(client.executeKw("account.move", "write", List.of(List.of(id),
                Map.of("date", "2026-11-21", "line_ids", List.of(List.of(5)))), Map.of()));
        assertThat(err.get("name")).isEqualTo("odoo.exceptions.UserError");
        assertThat((String) err.get("message")).matches("You cannot modify the following readonly fields on a posted move: "
                + "(date, line_ids|line_ids, date)");
        assertThat(client.call("account.move", "write", List.of(List.of(id), Map.of("ref", "P2")), Map.of())).isEqualTo(true);
        err = error(client.executeKw("account.move", "unlink", List.of(List.of(id)), Map.of()));
        assertThat(err.get("message")).isEqualTo("You cannot delete an item linked to a posted entry.");
        assertThat(sandbox.findByRef("account.move", "P2")).hasSize(1);

        long draft = (Long) client.call("account.move", "create", List.of(entry("D", 5, 5)), Map.of());
        assertThat(client.call("account.move", "unlink", List.of(List.of(draft)), Map.of())).isEqualTo(true);
        assertThat(sandbox.searchRead("account.move.line", List.of(List.of("move_id", "=", draft)), null)).isEmpty();
    }

    @Test
    void aCallIsOneTransaction() {
        long partnersBefore = sandbox.count("res.partner");
        Map<String, Object> err = error(client.executeKw("res.partner", "create",
                List.of(List.of(Map.of("name", "Fine"), Map.of("email", "no-name@example.com"))), Map.of()));
        assertThat(err.get("message")).isEqualTo("The operation cannot be completed: Contacts require a name");
        assertThat(sandbox.count("res.partner")).isEqualTo(partnersBefore);
        err = error(client.executeKw("account.move", "create", List.of(List.of(entry("OK", 1, 1), entry("KO", 1, 2))), Map.of()));
        assertThat(err.get("message")).isEqualTo("The entry is not balanced.");
        assertThat(sandbox.findByRef("account.move", "OK")).isEmpty();
    }

    @Test
    void statementLinesAreBookedBankAgainstSuspense() {
        long journal = sandbox.addBankJournal("Bank DE", "BNKDE", "DE89370400440532013000", "EUR");
        long partner = (Long) client.call("res.partner", "create", List.of(Map.of("name", "ACME")), Map.of());
        long line = (Long) client.call("account.bank.statement.line", "create", List.of(Map.of("journal_id", journal,
                "date", "2026-11-25", "payment_ref", "INV-42", "amount", -92.0, "partner_id", partner, "ref", "BANK-REF-1")),
                Map.of());
        Map<String, Object> read = sandbox.findByRef("account.bank.statement.line", "BANK-REF-1").get(0);
        assertThat(read.get("id")).isEqualTo(line);
        assertThat(read.get("state")).isEqualTo("posted");
        assertThat(read.get("is_reconciled")).isEqualTo(false);
        assertThat(read.get("currency_id")).isEqualTo(List.of(125L, "EUR"));
        assertThat((List<?>) read.get("move_id")).element(1).isEqualTo("BNKDE/2026/00001 (BANK-REF-1)");
        long move = (Long) ((List<?>) read.get("move_id")).get(0);
        List<Map<String, Object>> items = sandbox.searchRead("account.move.line", List.of(List.of("move_id", "=", move)),
                List.of("account_id", "debit", "credit", "amount_currency", "currency_id", "name"));
        assertThat(items).extracting(i -> (Object) ((List<?>) i.get("account_id")).get(1)).containsExactly("101405 Bank DE", "101402 Bank Suspense Account");
        assertThat(items.get(0).get("credit")).isEqualTo(100.0); // 92 EUR at 0.92 per USD
        assertThat(items.get(0).get("amount_currency")).isEqualTo(-92.0);
        assertThat(items.get(1).get("debit")).isEqualTo(100.0);

        Map<String, Object> err = error(client.executeKw("account.bank.statement.line", "create",
                List.of(Map.of("journal_id", 3, "amount", 10)), Map.of()));
        assertThat(err.get("message")).isEqualTo("You can't create a new statement line without a suspense account set on the Miscellaneous Operations journal.");
        long minimal = (Long) client.call("account.bank.statement.line", "create", List.of(Map.of("journal_id", 6, "amount", 1)), Map.of());
        assertThat(client.call("account.bank.statement.line", "read", List.of(List.of(minimal), List.of("date")), Map.of()))
                .isEqualTo(List.of(Map.of("id", minimal, "date", "2026-11-26")));
        SandboxClient.Response noImportId = client.executeKw("account.bank.statement.line", "create",
                List.of(Map.of("journal_id", 6, "amount", 1, "unique_import_id", "X")), Map.of());
        assertThat(error(noImportId).get("message")).isEqualTo("Invalid field 'unique_import_id' in 'account.bank.statement.line'");
    }

    @Test
    void json2CreatesListsAndBindsArgumentsByName() {
        SandboxClient.Response created = client.json2("res.partner", "create", Map.of("vals_list", Map.of("name", "One")));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body()).isInstanceOf(List.class);
        long id = (Long) ((List<?>) created.body()).get(0);
        SandboxClient.Response wrongName = client.json2("res.partner", "write", Map.of("ids", List.of(id), "values", Map.of("name", "Two")));
        assertThat(wrongName.status()).isEqualTo(422);
        assertThat(wrongName.map().get("name")).isEqualTo("werkzeug.exceptions.UnprocessableEntity");
        assertThat(wrongName.map().get("message")).isEqualTo("got an unexpected keyword argument 'values'");
        assertThat(client.json2("res.partner", "write", Map.of("ids", List.of(id), "vals", Map.of("name", "Two"))).body()).isEqualTo(true);
        SandboxClient.Response withIds = client.json2("res.partner", "create", Map.of("ids", List.of(id), "vals_list", List.of()));
        assertThat(withIds.status()).isEqualTo(422);
        assertThat(withIds.map().get("message")).isEqualTo("cannot call res.partner.create with ids");
        SandboxClient.Response unknownModel = client.json2("no.such.model", "search", Map.of("domain", List.of()));
        assertThat(unknownModel.status()).isEqualTo(404);
        assertThat(unknownModel.map().get("message")).isEqualTo("the model 'no.such.model' does not exist");
        SandboxClient.Response unknownField = client.json2("res.partner", "read", Map.of("ids", List.of(id), "fields", List.of("nope")));
        assertThat(unknownField.status()).isEqualTo(500);
        assertThat(unknownField.map().get("name")).isEqualTo("builtins.ValueError");
        SandboxClient.Response missing = client.json2("res.partner", "read", Map.of("ids", List.of(99999)));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.map().get("name")).isEqualTo("odoo.exceptions.MissingError");
        SandboxClient.Response noKey = client.post("/json/2/res.partner/search", Map.of("domain", List.of()), Map.of());
        assertThat(noKey.status()).isEqualTo(401);
        assertThat(noKey.header("WWW-Authenticate")).isEqualTo("Bearer");
    }
}
