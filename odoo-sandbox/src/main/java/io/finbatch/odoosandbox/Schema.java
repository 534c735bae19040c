package io.finbatch.odoosandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The models and fields the sandbox serves, named, typed and labelled as in Odoo (Community, {@code account}
 * installed). Only the fields the product can use are modelled: {@code fields_get} reports these, not Odoo's
 * hundreds. The company lock-date fields follow the server version.
 */
final class Schema {

    static final String PARTNER = "res.partner";
    static final String COMPANY = "res.company";
    static final String CURRENCY = "res.currency";
    static final String USERS = "res.users";
    static final String PARTNER_BANK = "res.partner.bank";
    static final String ACCOUNT = "account.account";
    static final String JOURNAL = "account.journal";
    static final String MOVE = "account.move";
    static final String LINE = "account.move.line";
    static final String STATEMENT_LINE = "account.bank.statement.line";

    private Schema() {
    }

    static Map<String, ModelDef> build(SandboxOptions options, SandboxDatabase db) {
        Map<String, ModelDef> models = new LinkedHashMap<>();
        for (ModelDef def : List.of(currency(), company(options, db), partner(), users(), partnerBank(), account(options),
                journal(), move(db), line(db), statementLine(options, db))) {
            def.add(FieldDef.of("display_name", "char", "Display Name")
                    .computed((d, env, rec) -> def.displayName.of(d, env, rec)));
            // Odoo's magic log fields, set by the ORM (UTC, "YYYY-MM-DD HH:MM:SS")
            def.add(FieldDef.of("create_date", "datetime", "Created on").readonly());
            def.add(FieldDef.of("write_date", "datetime", "Last Updated on").readonly());
            models.put(def.name, def);
        }
        return models;
    }

    private static Object related(SandboxDatabase db, Env env, String model, Object id, String field) {
        return id == null ? null : db.raw(env, model, (Long) id, field);
    }

    private static ModelDef currency() {
        return new ModelDef(CURRENCY, "Currency").order("active desc, name")
                .add(FieldDef.of("name", "char", "Currency").required())
                .add(FieldDef.of("full_name", "char", "Name"))
                .add(FieldDef.of("symbol", "char", "Symbol"))
                .add(FieldDef.of("rounding", "float", "Rounding Factor").defaultTo(0.01))
                .add(FieldDef.of("decimal_places", "integer", "Decimal Places").computed((db, env, rec) ->
                        (long) Math.max(0, Math.round(-Math.log10((Double) rec.getOrDefault("rounding", 0.01))))))
                .add(FieldDef.of("rate", "float", "Current Rate").defaultTo(1.0))
                .add(FieldDef.of("active", "boolean", "Active").defaultTo(true));
    }

    private static ModelDef company(SandboxOptions options, SandboxDatabase db) {
        ModelDef def = new ModelDef(COMPANY, "Companies").order("sequence, name")
                .add(FieldDef.of("name", "char", "Company Name").required())
                .add(FieldDef.many2one("currency_id", "Currency", CURRENCY).required())
                .add(FieldDef.many2one("partner_id", "Partner", PARTNER))
                .add(FieldDef.many2one("parent_id", "Parent Company", COMPANY))
                .add(FieldDef.of("sequence", "integer", "Sequence").defaultTo(10L))
                .add(FieldDef.many2one("account_journal_suspense_account_id", "Journal Suspense Account", ACCOUNT))
                .add(FieldDef.of("fiscalyear_last_day", "integer", "Fiscalyear Last Day").defaultTo(31L))
                .add(FieldDef.selection("fiscalyear_last_month", "Fiscalyear Last Month", "1", "January", "2",
                        "February", "3", "March", "4", "April", "5", "May", "6", "June", "7", "July", "8", "August",
                        "9", "September", "10", "October", "11", "November", "12", "December").defaultTo("12"));
        for (Map.Entry<String, String> lock : LockDates.fields(options.majorVersion()).entrySet()) {
            def.add(FieldDef.of(lock.getKey(), "date", lock.getValue()));
        }
        return def;
    }

    private static ModelDef partner() {
        return new ModelDef(PARTNER, "Contact").order("name, id desc").company("company_id")
                .add(FieldDef.of("name", "char", "Name"))
                .add(FieldDef.of("ref", "char", "Reference"))
                .add(FieldDef.of("email", "char", "Email"))
                .add(FieldDef.of("phone", "char", "Phone"))
                .add(FieldDef.of("vat", "char", "Tax ID"))
                .add(FieldDef.of("street", "char", "Street"))
                .add(FieldDef.of("zip", "char", "Zip"))
                .add(FieldDef.of("city", "char", "City"))
                .add(FieldDef.of("is_company", "boolean", "Is a Company").defaultTo(false))
                .add(FieldDef.selection("type", "Address Type", "contact", "Contact", "invoice", "Invoice Address",
                        "delivery", "Delivery Address", "other", "Other Address").defaultTo("contact"))
                .add(FieldDef.many2one("parent_id", "Related Company", PARTNER))
                .add(FieldDef.many2one("company_id", "Company", COMPANY))
                .add(FieldDef.one2many("bank_ids", "Banks", PARTNER_BANK, "partner_id"))
                .add(FieldDef.of("active", "boolean", "Active").defaultTo(true));
    }

    private static ModelDef users() {
        return new ModelDef(USERS, "User").order("name, login")
                .add(FieldDef.of("name", "char", "Name"))
                .add(FieldDef.of("login", "char", "Login").required())
                .add(FieldDef.many2one("partner_id", "Related Partner", PARTNER))
                .add(FieldDef.many2one("company_id", "Company", COMPANY))
                .add(FieldDef.many2many("company_ids", "Companies", COMPANY))
                .add(FieldDef.of("active", "boolean", "Active").defaultTo(true));
    }

    private static ModelDef partnerBank() {
        return new ModelDef(PARTNER_BANK, "Bank Accounts").order("sequence, id")
                .displayName((db, env, rec) -> String.valueOf(rec.get("acc_number")))
                .company("company_id")
                .add(FieldDef.of("acc_number", "char", "Account Number").required())
                .add(FieldDef.of("sanitized_acc_number", "char", "Sanitized Account Number").computed((db, env, rec) ->
                        Accounting.sanitize((String) rec.get("acc_number"))))
                .add(FieldDef.of("acc_holder_name", "char", "Account Holder Name"))
                .add(FieldDef.many2one("partner_id", "Account Holder", PARTNER).required().cascade())
                .add(FieldDef.many2one("currency_id", "Currency", CURRENCY))
                .add(FieldDef.many2one("company_id", "Company", COMPANY).computed((db, env, rec) ->
                        related(db, env, PARTNER, rec.get("partner_id"), "company_id")))
                .add(FieldDef.of("allow_out_payment", "boolean", "Send Money").defaultTo(false))
                .add(FieldDef.of("sequence", "integer", "Sequence").defaultTo(10L))
                .add(FieldDef.one2many("journal_id", "Account Journal", JOURNAL, "bank_account_id"))
                .add(FieldDef.of("active", "boolean", "Active").defaultTo(true));
    }

    private static ModelDef account(SandboxOptions options) {
        ModelDef def = new ModelDef(ACCOUNT, "Account").order("code, id").company("company_ids")
                .displayName(Accounting::accountDisplayName)
                .add(FieldDef.of("code", "char", "Code").required())
                .add(FieldDef.of("name", "char", "Account Name").required())
                .add(FieldDef.selection("account_type", "Type", "asset_receivable", "Receivable", "asset_cash",
                        "Bank and Cash", "asset_current", "Current Assets", "asset_non_current", "Non-current Assets",
                        "asset_prepayments", "Prepayments", "asset_fixed", "Fixed Assets", "liability_payable",
                        "Payable", "liability_credit_card", "Credit Card", "liability_current", "Current Liabilities",
                        "liability_non_current", "Non-current Liabilities", "equity", "Equity", "equity_unaffected",
                        "Current Year Earnings", "income", "Income", "income_other", "Other Income", "expense",
                        "Expenses", "expense_depreciation", "Depreciation", "expense_direct_cost", "Cost of Revenue",
                        "off_balance", "Off-Balance Sheet").required())
                .add(FieldDef.of("reconcile", "boolean", "Allow Reconciliation").defaultTo(false))
                .add(FieldDef.many2one("currency_id", "Account Currency", CURRENCY))
                .add(FieldDef.many2many("company_ids", "Companies", COMPANY).defaultFrom(env -> List.of(env.companyId)));
        // code is company dependent since Odoo 18: read from another company, an account has no code
        def.field("code").readAs = (db, env, rec) -> Accounting.codeInCompany(env, rec);
        if (options.majorVersion() >= 19) {
            def.add(FieldDef.of("active", "boolean", "Active").defaultTo(true));
        } else {
            def.add(FieldDef.of("deprecated", "boolean", "Deprecated").defaultTo(false));
        }
        return def;
    }

    private static ModelDef journal() {
        return new ModelDef(JOURNAL, "Journal").order("sequence, type, code, id desc").company("company_id")
                .add(FieldDef.of("name", "char", "Journal Name").required())
                .add(FieldDef.of("code", "char", "Short Code").required())
                .add(FieldDef.selection("type", "Type", "sale", "Sales", "purchase", "Purchase", "cash", "Cash", "bank",
                        "Bank", "credit", "Credit Card", "general", "Miscellaneous").required())
                .add(FieldDef.many2one("company_id", "Company", COMPANY).required()
                        .defaultFrom(env -> env.companyId))
                .add(FieldDef.many2one("default_account_id", "Default Account", ACCOUNT))
                .add(FieldDef.many2one("suspense_account_id", "Suspense Account", ACCOUNT))
                .add(FieldDef.many2one("currency_id", "Currency", CURRENCY))
                .add(FieldDef.many2one("bank_account_id", "Bank Account", PARTNER_BANK))
                .add(FieldDef.of("bank_acc_number", "char", "Account Number").computed((db, env, rec) ->
                        related(db, env, PARTNER_BANK, rec.get("bank_account_id"), "acc_number")))
                .add(FieldDef.of("sequence", "integer", "Sequence").defaultTo(10L))
                .add(FieldDef.of("active", "boolean", "Active").defaultTo(true))
                .checkRequiredFirst("type");
    }

    private static ModelDef move(SandboxDatabase database) {
        return new ModelDef(MOVE, "Journal Entry").order("date desc, name desc, id desc").company("company_id")
                .displayName(Accounting::moveDisplayName)
                .add(FieldDef.of("name", "char", "Number"))
                .add(FieldDef.of("ref", "char", "Reference"))
                .add(FieldDef.of("date", "date", "Date").required())
                .add(FieldDef.selection("state", "Status", "draft", "Draft", "posted", "Posted", "cancel", "Cancelled")
                        .required().readonly().defaultTo("draft"))
                .add(FieldDef.selection("move_type", "Type", "entry", "Journal Entry", "out_invoice", "Customer Invoice",
                        "out_refund", "Customer Credit Note", "in_invoice", "Vendor Bill", "in_refund",
                        "Vendor Credit Note", "out_receipt", "Sales Receipt", "in_receipt", "Purchase Receipt")
                        .required().readonly().defaultTo("entry"))
                .add(FieldDef.many2one("journal_id", "Journal", JOURNAL).required())
                .add(FieldDef.many2one("company_id", "Company", COMPANY))
                .add(FieldDef.one2many("line_ids", "Journal Items", LINE, "move_id"))
                .add(FieldDef.many2one("partner_id", "Partner", PARTNER))
                .add(FieldDef.many2one("currency_id", "Currency", CURRENCY).required())
                .add(FieldDef.many2one("company_currency_id", "Company Currency", CURRENCY).computed((db, env, rec) ->
                        db.accounting.companyCurrency((Long) rec.get("company_id"))))
                .add(FieldDef.of("narration", "html", "Terms and Conditions"))
                .add(FieldDef.of("invoice_date", "date", "Invoice/Bill Date"))
                .add(FieldDef.of("amount_total", "monetary", "Total").computed((db, env, rec) ->
                        db.accounting.amountTotal(env, rec)))
                .add(FieldDef.of("amount_total_signed", "monetary", "Total Signed").computed((db, env, rec) ->
                        db.accounting.amountTotal(env, rec)))
                .add(FieldDef.of("posted_before", "boolean", "Posted Before").defaultTo(false))
                .add(FieldDef.of("sequence_prefix", "char", "Sequence Prefix").readonly())
                .add(FieldDef.of("sequence_number", "integer", "Sequence Number").readonly())
                .add(FieldDef.many2one("statement_line_id", "Statement Line", STATEMENT_LINE))
                .add(FieldDef.one2many("statement_line_ids", "Statements", STATEMENT_LINE, "move_id"))
                .add(FieldDef.selection("auto_post", "Auto-post", "no", "No", "at_date", "At Date", "monthly", "Monthly",
                        "quarterly", "Quarterly", "yearly", "Yearly").required().defaultTo("no"))
                .add(FieldDef.of("checked", "boolean", "Checked").defaultTo(true));
    }

    private static ModelDef line(SandboxDatabase database) {
        ModelDef def = new ModelDef(LINE, "Journal Item").order("date desc, move_name desc, id").company("company_id")
                .displayName(Accounting::lineDisplayName)
                .add(FieldDef.many2one("move_id", "Journal Entry", MOVE).required().cascade())
                .add(FieldDef.of("move_name", "char", "Number").computed((db, env, rec) ->
                        related(db, env, MOVE, rec.get("move_id"), "name")))
                .add(FieldDef.of("date", "date", "Date").computed((db, env, rec) ->
                        related(db, env, MOVE, rec.get("move_id"), "date")))
                .add(FieldDef.of("ref", "char", "Reference").computed((db, env, rec) ->
                        related(db, env, MOVE, rec.get("move_id"), "ref")))
                .add(FieldDef.selection("parent_state", "Status", "draft", "Draft", "posted", "Posted", "cancel",
                        "Cancelled").computed((db, env, rec) -> related(db, env, MOVE, rec.get("move_id"), "state")))
                .add(FieldDef.many2one("journal_id", "Journal", JOURNAL).computed((db, env, rec) ->
                        related(db, env, MOVE, rec.get("move_id"), "journal_id")))
                .add(FieldDef.many2one("company_id", "Company", COMPANY).computed((db, env, rec) ->
                        related(db, env, MOVE, rec.get("move_id"), "company_id")))
                .add(FieldDef.many2one("company_currency_id", "Company Currency", CURRENCY).computed((db, env, rec) ->
                        related(db, env, MOVE, rec.get("move_id"), "company_currency_id")))
                .add(FieldDef.many2one("account_id", "Account", ACCOUNT))
                .add(FieldDef.many2one("partner_id", "Partner", PARTNER))
                .add(FieldDef.of("name", "char", "Label"))
                .add(FieldDef.of("debit", "monetary", "Debit"))
                .add(FieldDef.of("credit", "monetary", "Credit"))
                .add(FieldDef.of("balance", "monetary", "Balance"))
                .add(FieldDef.of("amount_currency", "monetary", "Amount in Currency"))
                .add(FieldDef.many2one("currency_id", "Currency", CURRENCY).required())
                .add(FieldDef.of("analytic_distribution", "json", "Analytic Distribution"))
                .add(FieldDef.selection("display_type", "Display Type", "product", "Product", "cogs", "Cost of Goods Sold",
                        "tax", "Tax", "discount", "Discount", "rounding", "Rounding", "payment_term", "Payment Term",
                        "line_section", "Section", "line_subsection", "Subsection", "line_note", "Note", "epd",
                        "Early Payment Discount").required().defaultTo("product"))
                .add(FieldDef.of("date_maturity", "date", "Due Date"))
                .add(FieldDef.of("sequence", "integer", "Sequence").defaultTo(10L))
                .add(FieldDef.of("reconciled", "boolean", "Reconciled").readonly().defaultTo(false))
                .add(FieldDef.of("amount_residual", "monetary", "Residual Amount").computed((db, env, rec) ->
                        db.accounting.amountResidual(env, rec)))
                .add(FieldDef.many2one("statement_line_id", "Originator Statement Line", STATEMENT_LINE)
                        .computed((db, env, rec) -> related(db, env, MOVE, rec.get("move_id"), "statement_line_id")));
        def.checkRequiredFirst("move_id");
        return def;
    }

    private static ModelDef statementLine(SandboxOptions options, SandboxDatabase database) {
        ModelDef def = new ModelDef(STATEMENT_LINE, "Bank Statement Line")
                .order("date desc, sequence, id desc").company("company_id")
                .displayName((db, env, rec) -> db.displayName(env, MOVE, (Long) rec.get("move_id")))
                .add(FieldDef.many2one("move_id", "Journal Entry", MOVE).required().readonly().cascade())
                .add(FieldDef.many2one("journal_id", "Journal", JOURNAL).required())
                .add(FieldDef.many2one("company_id", "Company", COMPANY).required())
                // statements are not modelled: a line never belongs to one, and setting one is ignored
                .add(FieldDef.many2one("statement_id", "Statement", "account.bank.statement").computed((db, env, rec) -> null)
                        .inverse((db, env, rec, value) -> { }))
                .add(FieldDef.of("sequence", "integer", "Sequence").defaultTo(1L))
                .add(FieldDef.many2one("partner_id", "Partner", PARTNER))
                .add(FieldDef.of("account_number", "char", "Bank Account Number"))
                .add(FieldDef.of("partner_name", "char", "Partner Name"))
                .add(FieldDef.of("transaction_type", "char", "Transaction Type"))
                .add(FieldDef.of("payment_ref", "char", "Label"))
                .add(FieldDef.many2one("currency_id", "Journal Currency", CURRENCY).computed((db, env, rec) ->
                        db.accounting.journalCurrency((Long) rec.get("journal_id"))))
                .add(FieldDef.of("amount", "monetary", "Amount"))
                .add(FieldDef.many2one("foreign_currency_id", "Foreign Currency", CURRENCY))
                .add(FieldDef.of("amount_currency", "monetary", "Amount in Currency"))
                .add(FieldDef.of("amount_residual", "float", "Residual Amount").computed((db, env, rec) ->
                        db.accounting.statementLineResidual(rec)))
                .add(FieldDef.of("internal_index", "char", "Internal Reference").computed((db, env, rec) ->
                        db.accounting.internalIndex(env, rec)))
                .add(FieldDef.of("is_reconciled", "boolean", "Is Reconciled").readonly().defaultTo(false))
                .add(FieldDef.of("transaction_details", "json", "Transaction Details").readonly())
                // inherited from the journal entry (Odoo's _inherits)
                .add(inherited("date", "date", "Date").required())
                .add(inherited("ref", "char", "Reference"))
                .add(inherited("narration", "html", "Terms and Conditions"))
                .add(inherited("name", "char", "Number"))
                .add(FieldDef.selection("state", "Status", "draft", "Draft", "posted", "Posted", "cancel", "Cancelled")
                        .computed((db, env, rec) -> related(db, env, MOVE, rec.get("move_id"), "state")).required())
                .add(FieldDef.selection("move_type", "Type", "entry", "Journal Entry")
                        .computed((db, env, rec) -> related(db, env, MOVE, rec.get("move_id"), "move_type")).required())
                .add(inherited("line_ids", "one2many", "Journal Items"));
        def.field("date").required = true;
        def.field("move_id").required = true;
        if (options.withUniqueImportIdField()) {
            def.add(FieldDef.of("unique_import_id", "char", "Import ID").readonly());
        }
        return def;
    }

    /** A field of the statement line's journal entry, read from and written to the entry. */
    private static FieldDef inherited(String name, String type, String string) {
        FieldDef field = "one2many".equals(type) ? FieldDef.one2many(name, string, LINE, "move_id")
                : FieldDef.of(name, type, string);
        return field
                .computed((db, env, rec) -> related(db, env, MOVE, rec.get("move_id"), name))
                .inverse((db, env, rec, value) -> db.orm.write(env.withContext("skip_readonly_check", true), MOVE,
                        new ArrayList<>(List.of((Long) rec.get("move_id"))), Map.of(name, value == null ? false : value)));
    }
}
