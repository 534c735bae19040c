package io.finbatch.odoosandbox;

import static io.finbatch.odoosandbox.Schema.ACCOUNT;
import static io.finbatch.odoosandbox.Schema.COMPANY;
import static io.finbatch.odoosandbox.Schema.CURRENCY;
import static io.finbatch.odoosandbox.Schema.JOURNAL;
import static io.finbatch.odoosandbox.Schema.LINE;
import static io.finbatch.odoosandbox.Schema.MOVE;
import static io.finbatch.odoosandbox.Schema.PARTNER;
import static io.finbatch.odoosandbox.Schema.PARTNER_BANK;
import static io.finbatch.odoosandbox.Schema.STATEMENT_LINE;
import static io.finbatch.odoosandbox.Schema.USERS;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records a fresh sandbox starts with, shaped like the recorded Odoo 19.0 database {@code finance}: companies
 * "YourCompany" (1) and "My US Company" (2) in USD, the generic chart of accounts ({@code generic_coa}) with the
 * ids seen in the recordings (101401 Bank = 44, 101402 Bank Suspense Account = 45, 600000 Expenses = 32...), the
 * journals 1-12 (Bank = 6, Miscellaneous Operations = 3), EUR and USD, the administrator (uid 2).
 */
final class SeedData {

    private SeedData() {
    }

    static void load(SandboxDatabase db, SandboxOptions.Seed seed) {
        Env env = new Env(new HashMap<>(), 1L, List.of(1L, 2L), LocalDate.now(db.options.clock()));
        insert(db, env, CURRENCY, 1, map("name", "USD", "full_name", "United States dollar", "symbol", "$", "rate", 1.0));
        insert(db, env, CURRENCY, 125, map("name", "EUR", "full_name", "Euro", "symbol", "€", "rate", 0.92));

        insert(db, env, PARTNER, 1, map("name", "YourCompany", "is_company", true));
        insert(db, env, PARTNER, 2, map("name", "OdooBot", "active", false));
        insert(db, env, PARTNER, 3, map("name", "Administrator", "email", "admin@example.com"));
        insert(db, env, PARTNER, 4, map("name", "My US Company", "is_company", true));

        insert(db, env, COMPANY, 1, map("name", "YourCompany", "currency_id", 1L, "partner_id", 1L, "sequence", 0L));
        insert(db, env, COMPANY, 2, map("name", "My US Company", "currency_id", 1L, "partner_id", 4L));
        insert(db, env, USERS, OdooSandbox.ADMIN_UID, map("name", "Administrator", "login", db.options.login(),
                "partner_id", 3L, "company_id", 1L, "company_ids", List.of(1L, 2L)));

        Object[][] accounts = {
            {1, "101000", "Current Assets", "asset_current", 1}, {2, "110100", "Stock Valuation", "asset_current", 1},
            {5, "121000", "Account Receivable", "asset_receivable", 1}, {6, "131000", "Tax Paid", "asset_current", 1},
            {7, "132000", "Tax Receivable", "asset_current", 1}, {8, "141000", "Prepayments", "asset_prepayments", 1},
            {9, "151000", "Fixed Asset", "asset_fixed", 1}, {10, "191000", "Non-current assets", "asset_non_current", 1},
            {11, "201000", "Current Liabilities", "liability_current", 1},
            {15, "211000", "Account Payable", "liability_payable", 1}, {16, "251000", "Tax Received", "liability_current", 1},
            {17, "252000", "Tax Payable", "liability_current", 1},
            {18, "291000", "Non-current Liabilities", "liability_non_current", 1}, {19, "301000", "Capital", "equity", 1},
            {20, "302000", "Dividends", "equity", 1}, {26, "400000", "Product Sales", "income", 1},
            {27, "441000", "Foreign Exchange Gain", "income_other", 1}, {28, "442000", "Cash Difference Gain", "income_other", 1},
            {29, "450000", "Other Income", "income_other", 1}, {30, "500000", "Cost of Goods Sold", "expense_direct_cost", 1},
            {32, "600000", "Expenses", "expense", 1}, {33, "611000", "Purchase of Equipments", "expense", 1},
            {34, "612000", "Rent", "expense", 1}, {35, "620000", "Bank Fees", "expense", 1},
            {36, "630000", "Salary Expenses", "expense", 1}, {37, "641000", "Foreign Exchange Loss", "expense", 1},
            {38, "642000", "Cash Difference Loss", "expense", 1},
            {39, "999999", "Undistributed Profits/Losses", "equity_unaffected", 1},
            {44, "101401", "Bank", "asset_cash", 1}, {45, "101402", "Bank Suspense Account", "asset_current", 1},
            {46, "101403", "Outstanding Receipts", "asset_current", 1},
            {47, "101404", "Outstanding Payments", "asset_current", 1}, {48, "101501", "Cash", "asset_cash", 1},
            {49, "101701", "Liquidity Transfer", "asset_current", 1},
            {88, "400000", "Product Sales", "income", 2}, {100, "121000", "Account Receivable", "asset_receivable", 2},
            {110, "211000", "Account Payable", "liability_payable", 2},
            {138, "600000", "Miscellaneous Expenses", "expense", 2}, {149, "101401", "Bank", "asset_cash", 2},
            {150, "101402", "Bank Suspense Account", "asset_current", 2},
        };
        java.util.Arrays.sort(accounts, (a, b) -> Integer.compare((Integer) a[0], (Integer) b[0]));
        for (Object[] a : accounts) {
            String type = (String) a[3];
            boolean reconcile = type.equals("asset_receivable") || type.equals("liability_payable")
                    || List.of("101403", "101404", "101701").contains(a[1]);
            insert(db, env, ACCOUNT, (Integer) a[0], map("code", a[1], "name", a[2], "account_type", type,
                    "reconcile", reconcile, "company_ids", List.of(((Integer) a[4]).longValue())));
        }
        db.store(COMPANY).set(1L, "account_journal_suspense_account_id", 45L);
        db.store(COMPANY).set(2L, "account_journal_suspense_account_id", 150L);

        // sequences chosen so that search_read answers in the recorded order (03_journals)
        Object[][] journals = {
            {1, "Sales", "INV", "sale", 1, 26, null, 5}, {2, "Purchases", "BILL", "purchase", 1, 32, null, 6},
            {3, "Miscellaneous Operations", "MISC", "general", 1, null, null, 8},
            {4, "Exchange Difference", "EXCH", "general", 1, null, null, 10},
            {5, "Cash Basis Taxes", "CABA", "general", 1, null, null, 9}, {6, "Bank", "BNK1", "bank", 1, 44, 45, 7},
            {7, "Sales", "INV", "sale", 2, 88, null, 5}, {8, "Purchases", "BILL", "purchase", 2, 138, null, 6},
            {9, "Miscellaneous Operations", "MISC", "general", 2, null, null, 8},
            {10, "Exchange Difference", "EXCH", "general", 2, null, null, 10},
            {11, "Cash Basis Taxes", "CABA", "general", 2, null, null, 9}, {12, "Bank", "BNK1", "bank", 2, 149, 150, 7},
        };
        for (Object[] j : journals) {
            insert(db, env, JOURNAL, (Integer) j[0], map("name", j[1], "code", j[2], "type", j[3],
                    "company_id", ((Integer) j[4]).longValue(), "default_account_id", id(j[5]),
                    "suspense_account_id", id(j[6]), "sequence", ((Integer) j[7]).longValue()));
        }
        if (seed == SandboxOptions.Seed.RECORDED) {
            recordedEntries(db, env);
        }
    }

    /**
     * The entries that existed before the recordings: four unreconciled bank statement lines of October 2026 (the
     * ones 50_lock_set reports, in its order 3, 2, 4, 1), six reconciled November ones (BNK1/2026/00005-00010), two
     * posted miscellaneous entries of November (so that the next is MISC/2026/11/0003), and the id counters where the
     * recorded server had them (first new partner 43, entry 57, item 149, statement line 21).
     */
    private static void recordedEntries(SandboxDatabase db, Env env) {
        db.store(MOVE).nextId(45);
        db.store(LINE).nextId(125);
        String[][] unreconciled = {{"2026-10-02", "1250.0", "ACME Corp INV/2026/00031"},
            {"2026-10-15", "-89.9", "Card payment Office Depot"}, {"2026-10-15", "-1500.0", "Rent October"},
            {"2026-10-02", "430.5", "Deco Addict INV/2026/00032"}};
        for (String[] line : unreconciled) {
            statementLine(db, env, line[0], Double.parseDouble(line[1]), line[2]);
        }
        for (int i = 0; i < 6; i++) {
            long id = statementLine(db, env, String.format("2026-11-%02d", 2 + i * 3), 100.0 + i * 25, "Customer payment " + (i + 1));
            reconcile(db, id);
        }
        for (String[] entry : new String[][] {{"2026-11-03", "Office rent November", "1200.0"},
            {"2026-11-17", "Accrued bank fees", "35.0"}}) {
            Map<String, Object> vals = map("journal_id", 3L, "date", entry[0], "ref", entry[1]);
            vals.put("line_ids", List.of(
                    List.of(0L, 0L, map("account_id", entry[1].startsWith("Office") ? 34L : 35L, "name", entry[1],
                            "debit", Double.parseDouble(entry[2]))),
                    List.of(0L, 0L, map("account_id", 15L, "name", entry[1], "credit", Double.parseDouble(entry[2])))));
            long move = db.orm.create(env, MOVE, vals);
            db.accounting.post(env, move);
        }
        db.store(PARTNER).nextId(43);
        db.store(MOVE).nextId(57);
        db.store(LINE).nextId(149);
        db.store(STATEMENT_LINE).nextId(21);
        db.store(JOURNAL).nextId(13);
        db.store(ACCOUNT).nextId(151);
        db.store(PARTNER_BANK).nextId(1);
    }

    private static long statementLine(SandboxDatabase db, Env env, String date, double amount, String label) {
        return db.orm.create(env, STATEMENT_LINE, map("journal_id", 6L, "date", date, "amount", amount,
                "payment_ref", label, "partner_name", label.split(" ")[0]));
    }

    /** Marks a statement line reconciled: its suspense item moves to the receivable, reconciled. */
    static void reconcile(SandboxDatabase db, long statementLineId) {
        Map<String, Object> line = db.record(STATEMENT_LINE, statementLineId);
        Map<String, Object> journal = db.record(JOURNAL, (Long) line.get("journal_id"));
        for (Long item : db.orm.children(db.model(MOVE).field("line_ids"), (Long) line.get("move_id"))) {
            if (journal.get("suspense_account_id").equals(db.record(LINE, item).get("account_id"))) {
                db.store(LINE).set(item, "account_id", receivable(db, (Long) journal.get("company_id")));
                db.store(LINE).set(item, "reconciled", true);
            }
        }
        db.store(STATEMENT_LINE).set(statementLineId, "is_reconciled", true);
    }

    private static Long receivable(SandboxDatabase db, Long company) {
        for (Map<String, Object> account : db.store(ACCOUNT).all()) {
            if ("asset_receivable".equals(account.get("account_type"))
                    && ((List<?>) account.get("company_ids")).contains(company)) {
                return (Long) account.get("id");
            }
        }
        throw new IllegalStateException("no receivable account in company " + company);
    }

    private static void insert(SandboxDatabase db, Env env, String model, long id, Map<String, Object> vals) {
        db.store(model).nextId(id);
        long created = db.orm.create(env, model, vals);
        if (created != id) {
            throw new IllegalStateException("seed " + model + " got id " + created + " instead of " + id);
        }
    }

    private static Long id(Object value) {
        return value == null ? null : ((Integer) value).longValue();
    }

    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object value = keyValues[i + 1];
            out.put((String) keyValues[i], value instanceof Integer n ? n.longValue() : value);
        }
        return out;
    }

    static List<Object> list(Object... items) {
        return new ArrayList<>(List.of(items));
    }
}
