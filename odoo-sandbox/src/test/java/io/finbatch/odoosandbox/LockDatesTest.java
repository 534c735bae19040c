package io.finbatch.odoosandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Lock dates as real Odoo 19 applies them (recordings 50-57), and as 17 names them. */
class LockDatesTest {

    private OdooSandbox sandbox;
    private SandboxClient client;

    private void start(SandboxOptions options, String today) {
        sandbox = OdooSandbox.start(options.clock(Clock.fixed(Instant.parse(today + "T10:00:00Z"), ZoneOffset.UTC)));
        client = new SandboxClient(sandbox.url());
    }

    @AfterEach
    void stop() {
        sandbox.stop();
    }

    private SandboxClient.Response lock(String field, Object date) {
        return client.executeKw("res.company", "write", List.of(List.of(1), Map.of(field, date)), Map.of());
    }

    private long misc(String date, String ref) {
        return (Long) client.call("account.move", "create", List.of(Map.of("journal_id", 3, "date", date, "ref", ref,
                "line_ids", List.of(List.of(0, 0, Map.of("account_id", 32, "debit", 10.0)),
                        List.of(0, 0, Map.of("account_id", 44, "credit", 10.0))))), Map.of());
    }

    @Test
    void unreconciledStatementLinesBlockTheLockUntilReconciledOrDeleted() {
        start(new SandboxOptions(), "2026-11-26");
        Map<String, Object> error = lock("fiscalyear_lock_date", "2026-10-31").errorData();
        assertThat(error.get("name")).isEqualTo("odoo.exceptions.RedirectWarning");
        assertThat((String) error.get("message")).startsWith("There are still unreconciled bank statement lines in the "
                + "period you want to lock.You should either reconcile or delete them.\n{'name': 'Unreconciled Transactions'")
                .contains("'domain': [('id', 'in', [3, 2, 4, 1])]}\nShow Unreconciled Bank Statement Line\nNone");
        for (long id : List.of(1L, 2L, 3L)) {
            sandbox.reconcileStatementLine(id);
        }
        error = lock("fiscalyear_lock_date", "2026-10-31").errorData();
        List<?> arguments = (List<?>) error.get("arguments");
        assertThat(arguments.get(1)).isEqualTo(Map.of("name", "Unreconciled Transactions", "type", "ir.actions.act_window",
                "res_model", "account.bank.statement.line", "context", Map.of("create", false), "view_mode", "form", "res_id", 4L));
        assertThat(client.call("account.bank.statement.line", "unlink", List.of(List.of(4)), Map.of())).isEqualTo(true);
        assertThat(lock("fiscalyear_lock_date", "2026-10-31").result()).isEqualTo(true);
        assertThat(client.call("res.company", "read", List.of(List.of(1), List.of("fiscalyear_lock_date")), Map.of()))
                .isEqualTo(List.of(Map.of("id", 1L, "fiscalyear_lock_date", "2026-10-31")));
    }

    @Test
    void entriesInALockedPeriodArePostedSilentlyRedated() {
        start(new SandboxOptions(), "2026-11-26");
        assertThat(lock("fiscalyear_lock_date", "2020-12-31").result()).isEqualTo(true);
        long move = misc("2020-06-15", "LOCKED");
        assertThat(sandbox.findByRef("account.move", "LOCKED").get(0)).containsEntry("state", "draft").containsEntry("date", "2020-06-15");
        client.call("account.move", "action_post", List.of(List.of(move)), Map.of());
        // MISC numbers per month: the end of the month after the lock date
        assertThat(sandbox.findByRef("account.move", "LOCKED").get(0)).containsEntry("date", "2021-01-31")
                .containsEntry("name", "MISC/2021/01/0001").containsEntry("state", "posted");
        // BNK1 numbers per year: the end of that year
        long line = (Long) client.call("account.bank.statement.line", "create", List.of(Map.of("journal_id", 6,
                "date", "2020-06-15", "payment_ref", "LOCKED BSL", "amount", 12.5)), Map.of());
        List<?> read = (List<?>) client.call("account.bank.statement.line", "read", List.of(List.of(line), List.of("date", "move_id")), Map.of());
        assertThat(Json.asMap(read.get(0)).get("date")).isEqualTo("2021-12-31");
        assertThat((List<?>) Json.asMap(read.get(0)).get("move_id")).element(1).isEqualTo("BNK1/2021/00001");
        // and a posted entry of the locked period cannot change any more
        long posted = (Long) Json.asMap(((List<?>) client.call("account.move", "search_read",
                List.of(List.of(List.of("name", "=", "BNK1/2026/00001"))), Map.of("fields", List.of("id")))).get(0)).get("id");
        Map<String, Object> error = client.executeKw("account.move", "button_draft", List.of(List.of(posted)), Map.of()).errorData();
        assertThat(error).isNull();
        long inLock = (Long) Json.asMap(((List<?>) client.call("account.move", "search_read",
                List.of(List.of(List.of("ref", "=", "LOCKED"))), Map.of("fields", List.of("id")))).get(0)).get("id");
        assertThat(inLock).isEqualTo(move);
        lock("fiscalyear_lock_date", "2021-06-30");
        error = client.executeKw("account.move", "button_draft", List.of(List.of(move)), Map.of()).errorData();
        assertThat(error.get("message")).isEqualTo("You cannot add/modify entries prior to and inclusive of: Global Lock Date (06/30/2021).");
    }

    @Test
    void theRuleUsesTodayAndTheJournalNumbering() {
        start(new SandboxOptions().seed(SandboxOptions.Seed.CHART_ONLY), "2026-11-26");
        lock("fiscalyear_lock_date", "2026-10-31");
        long move = misc("2026-10-10", "SAME-YEAR");
        client.call("account.move", "action_post", List.of(List.of(move)), Map.of());
        // the day after the lock is in today's month: the later of it and today
        assertThat(sandbox.findByRef("account.move", "SAME-YEAR").get(0)).containsEntry("date", "2026-11-26");
        // a journal without any numbered entry yet is treated like a monthly one (no highest name)
        long journal = sandbox.addBankJournal("Bank 2", "BNK2", "NL91ABNA0417164300", "USD");
        lock("fiscalyear_lock_date", "2025-12-31");
        long line = (Long) client.call("account.bank.statement.line", "create", List.of(Map.of("journal_id", journal,
                "date", "2025-03-01", "amount", 5, "ref", "FIRST")), Map.of());
        assertThat(sandbox.findByRef("account.bank.statement.line", "FIRST").get(0)).containsEntry("id", line)
                .containsEntry("date", "2026-01-31");
    }

    @Test
    void odoo17HasItsOwnLockFieldsAndRefusesDraftEntriesBeforeALock() {
        start(new SandboxOptions().serverVersion("17.0").seed(SandboxOptions.Seed.CHART_ONLY), "2026-11-26");
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) client.call("res.company", "fields_get", List.of(), Map.of("attributes", List.of("type", "string")));
        assertThat(fields).containsKeys("period_lock_date", "fiscalyear_lock_date", "tax_lock_date")
                .doesNotContainKeys("hard_lock_date", "sale_lock_date", "purchase_lock_date");
        assertThat(fields.get("period_lock_date")).isEqualTo(Map.of("type", "date", "string", "Journal Entries Lock Date"));
        misc("2026-01-15", "DRAFT");
        Map<String, Object> error = lock("fiscalyear_lock_date", "2026-06-30").errorData();
        assertThat(error.get("name")).isEqualTo("odoo.exceptions.RedirectWarning");
        assertThat((String) error.get("message")).startsWith("There are still draft entries in the period you want to lock.");
        assertThat(lock("hard_lock_date", "2026-06-30").errorData().get("message"))
                .isEqualTo("Invalid field 'hard_lock_date' in 'res.company'");
        assertThat(lock("period_lock_date", "2026-06-30").result()).isEqualTo(true);
    }

    @Test
    void theHardLockCannotGoBackNorHaveDraftsBeforeIt() {
        start(new SandboxOptions().seed(SandboxOptions.Seed.CHART_ONLY), "2026-11-26");
        misc("2026-01-15", "DRAFT");
        assertThat((String) lock("hard_lock_date", "2026-06-30").errorData().get("message"))
                .startsWith("There are still draft entries in the period you want to hard lock.");
        assertThat(lock("hard_lock_date", "2025-12-31").result()).isEqualTo(true);
        assertThat(lock("hard_lock_date", "2025-11-30").errorData().get("message"))
                .isEqualTo("A new Hard Lock Date must be posterior (or equal) to the previous one.");
        assertThat(lock("hard_lock_date", false).errorData().get("message")).isEqualTo("The Hard Lock Date cannot be removed.");
    }
}
