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

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The accounting rules of the sandbox: journal entries and their lines (balance, posting, numbering, what a posted
 * entry refuses), bank statement lines (booked at once as a posted entry bank account / suspense account), journals,
 * partners and their bank accounts. Messages are Odoo 19's own.
 */
final class Accounting {

    /** Fields of a posted entry Odoo refuses to write ({@code account.move.write}, "readonly fields on a posted move"). */
    private static final List<String> POSTED_READONLY = List.of("invoice_line_ids", "line_ids", "invoice_date", "date",
            "partner_id", "partner_bank_id", "invoice_payment_term_id", "currency_id", "fiscal_position_id",
            "invoice_cash_rounding_id");
    private static final Set<String> MONEY = Set.of("debit", "credit", "balance", "amount_currency", "currency_id");
    private static final Set<String> LOCK_PROTECTED_LINE_FIELDS = Set.of("account_id", "debit", "credit", "balance",
            "amount_currency", "currency_id", "partner_id", "move_id");
    private static final Set<String> STATEMENT_SYNC = Set.of("payment_ref", "amount", "amount_currency",
            "foreign_currency_id", "partner_id");
    private static final Set<String> NOT_ACCOUNTABLE = Set.of("line_section", "line_subsection", "line_note");

    private final SandboxDatabase db;

    Accounting(SandboxDatabase db) {
        this.db = db;
    }

    void registerHooks(Map<String, ModelHooks> hooks) {
        hooks.put(MOVE, new MoveHooks());
        hooks.put(LINE, new LineHooks());
        hooks.put(STATEMENT_LINE, new StatementLineHooks());
        hooks.put(JOURNAL, new JournalHooks());
        hooks.put(PARTNER, new PartnerHooks());
        hooks.put(PARTNER_BANK, new PartnerBankHooks());
        hooks.put(USERS, new ModelHooks() {
            @Override
            public Set<String> methods() {
                return Set.of("context_get");
            }

            @Override
            public Object call(Env env, String method, List<Long> ids, Map<String, Object> kwargs) {
                Map<String, Object> context = new LinkedHashMap<>();
                context.put("lang", "en_US");
                context.put("tz", false);
                context.put("uid", OdooSandbox.ADMIN_UID);
                return context;
            }
        });
    }

    // ---------------------------------------------------------------- display names

    static String accountDisplayName(SandboxDatabase db, Env env, Map<String, Object> rec) {
        String code = codeInCompany(env, rec);
        return code == null ? String.valueOf(rec.get("name")) : code + " " + rec.get("name");
    }

    static String codeInCompany(Env env, Map<String, Object> rec) {
        Object companies = rec.get("company_ids");
        if (companies instanceof List<?> ids && !ids.isEmpty() && !ids.contains(env.companyId)) {
            return null;
        }
        return (String) rec.get("code");
    }

    static String moveDisplayName(SandboxDatabase db, Env env, Map<String, Object> rec) {
        StringBuilder out = new StringBuilder();
        if ("draft".equals(rec.get("state"))) {
            out.append(switch (String.valueOf(rec.get("move_type"))) {
                case "out_invoice" -> "Draft Invoice";
                case "out_refund" -> "Draft Credit Note";
                case "in_invoice" -> "Draft Bill";
                case "in_refund" -> "Draft Vendor Credit Note";
                case "out_receipt" -> "Draft Sales Receipt";
                case "in_receipt" -> "Draft Purchase Receipt";
                default -> "Draft Entry";
            });
        }
        Object name = rec.get("name");
        if (name != null && !"/".equals(name)) {
            out.append(out.length() > 0 ? " " : "").append(name);
        }
        Object ref = rec.get("ref");
        if (ref != null) {
            String text = String.valueOf(ref);
            out.append(" (").append(text.length() > 50 ? text.substring(0, 47) + "..." : text).append(')');
        }
        return out.toString().trim();
    }

    static String lineDisplayName(SandboxDatabase db, Env env, Map<String, Object> rec) {
        Map<String, Object> move = db.record(MOVE, (Long) rec.get("move_id"));
        List<String> parts = new ArrayList<>();
        if (move != null && move.get("name") != null) {
            parts.add(String.valueOf(move.get("name")));
        }
        if (move != null && move.get("ref") != null) {
            parts.add("(" + move.get("ref") + ")");
        }
        if (rec.get("name") != null) {
            parts.add(String.valueOf(rec.get("name")));
        }
        return String.join(" ", parts);
    }

    static String sanitize(String accNumber) {
        return accNumber == null ? null : accNumber.replaceAll("\\W+", "").toUpperCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- money

    Long companyCurrency(Long companyId) {
        Map<String, Object> company = db.record(COMPANY, companyId);
        return company == null ? null : (Long) company.get("currency_id");
    }

    Long journalCurrency(Long journalId) {
        Map<String, Object> journal = db.record(JOURNAL, journalId);
        if (journal == null) {
            return null;
        }
        Long currency = (Long) journal.get("currency_id");
        return currency != null ? currency : companyCurrency((Long) journal.get("company_id"));
    }

    private int decimals(Long currencyId) {
        Map<String, Object> currency = db.record(CURRENCY, currencyId);
        double rounding = currency == null || currency.get("rounding") == null ? 0.01 : (Double) currency.get("rounding");
        return (int) Math.max(0, Math.round(-Math.log10(rounding)));
    }

    /** Rounds half-up to the currency's decimals, as Odoo's {@code float_round} does. */
    double round(Long currencyId, double value) {
        return BigDecimal.valueOf(value).setScale(decimals(currencyId), RoundingMode.HALF_UP).doubleValue() + 0.0;
    }

    boolean isZero(Long currencyId, double value) {
        return round(currencyId, value) == 0.0;
    }

    private double rate(Long currencyId) {
        Map<String, Object> currency = db.record(CURRENCY, currencyId);
        Object rate = currency == null ? null : currency.get("rate");
        return rate instanceof Double d && d > 0 ? d : 1.0;
    }

    /** Converts with the sandbox's fixed rates (units of the currency per unit of the reference currency). */
    double convert(double amount, Long from, Long to) {
        if (Objects.equals(from, to)) {
            return round(to, amount);
        }
        return round(to, amount * rate(to) / rate(from));
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : 0.0;
    }

    Object amountTotal(Env env, Map<String, Object> move) {
        double total = 0;
        double totalCurrency = 0;
        Set<Object> currencies = new java.util.HashSet<>();
        for (Long lineId : lineIds((Long) move.get("id"))) {
            Map<String, Object> line = db.record(LINE, lineId);
            currencies.add(line.get("currency_id"));
            if (number(line.get("debit")) > 0) {
                total += number(line.get("balance"));
                totalCurrency += number(line.get("amount_currency"));
            }
        }
        Long currency = (Long) move.get("currency_id");
        return round(currency, currencies.size() == 1 ? totalCurrency : total);
    }

    Object amountResidual(Env env, Map<String, Object> line) {
        Map<String, Object> account = db.record(ACCOUNT, (Long) line.get("account_id"));
        boolean open = account != null && Boolean.TRUE.equals(account.get("reconcile"))
                && !Boolean.TRUE.equals(line.get("reconciled"));
        return open ? number(line.get("balance")) : 0.0;
    }

    Object statementLineResidual(Map<String, Object> line) {
        if (Boolean.TRUE.equals(line.get("is_reconciled"))) {
            return 0.0;
        }
        return -(line.get("foreign_currency_id") != null ? number(line.get("amount_currency")) : number(line.get("amount")))
                + 0.0;
    }

    /** Odoo's {@code internal_index}: date, 2147483647 - sequence, id; the statement lines' order. */
    Object internalIndex(Env env, Map<String, Object> line) {
        Object date = db.raw(env, MOVE, (Long) line.get("move_id"), "date");
        if (date == null) {
            return null;
        }
        long sequence = line.get("sequence") instanceof Long s ? s : 1L;
        return String.valueOf(date).replace("-", "") + String.format("%010d", 2147483647L - sequence)
                + String.format("%010d", (Long) line.get("id"));
    }

    private List<Long> lineIds(Long moveId) {
        return db.orm.children(db.model(MOVE).field("line_ids"), moveId);
    }

    /**
     * A line's debit, credit, balance and amount in currency from what was given, like Odoo's computes and inverses:
     * debit/credit set the balance, else the balance, else the amount in a foreign currency converted.
     */
    private Map<String, Object> money(Long moveId, Long currencyId, Map<String, Object> current, Map<String, Object> given) {
        Map<String, Object> move = db.record(MOVE, moveId);
        Long companyCurrency = move == null ? currencyId : companyCurrency((Long) move.get("company_id"));
        Long currency = currencyId != null ? currencyId : companyCurrency;
        double balance;
        if (given.containsKey("debit") || given.containsKey("credit")) {
            double debit = number(given.containsKey("debit") ? given.get("debit") : current.get("debit"));
            double credit = number(given.containsKey("credit") ? given.get("credit") : current.get("credit"));
            balance = debit - credit;
        } else if (given.containsKey("balance")) {
            balance = number(given.get("balance"));
        } else if (given.containsKey("amount_currency") && !Objects.equals(currency, companyCurrency)) {
            balance = convert(number(given.get("amount_currency")), currency, companyCurrency);
        } else {
            balance = number(current.get("balance"));
        }
        balance = round(companyCurrency, balance);
        double amountCurrency;
        if (Objects.equals(currency, companyCurrency)) {
            amountCurrency = balance;
        } else if (given.containsKey("amount_currency")) {
            amountCurrency = round(currency, number(given.get("amount_currency")));
        } else if (current.get("amount_currency") != null && !given.containsKey("currency_id")) {
            amountCurrency = number(current.get("amount_currency"));
        } else {
            amountCurrency = convert(balance, companyCurrency, currency);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("debit", balance > 0 ? balance : 0.0);
        out.put("credit", balance < 0 ? -balance : 0.0);
        out.put("balance", balance);
        out.put("amount_currency", amountCurrency);
        out.put("currency_id", currency);
        return out;
    }

    void checkBalanced(Env env, Long moveId) {
        Map<String, Object> move = db.record(MOVE, moveId);
        if (move == null || !env.flag("check_move_validity", true)) {
            return;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Long lineId : lineIds(moveId)) {
            sum = sum.add(BigDecimal.valueOf(number(db.record(LINE, lineId).get("balance"))));
        }
        if (!isZero(companyCurrency((Long) move.get("company_id")), sum.doubleValue())) {
            throw OdooError.userError("The entry is not balanced.");
        }
    }

    // ---------------------------------------------------------------- posting and numbering

    /** {@code action_post} of one entry: checks, the lock-date re-dating, the number, the state. */
    void post(Env env, long moveId) {
        Map<String, Object> move = db.record(MOVE, moveId);
        List<String> problems = new ArrayList<>();
        if (!"draft".equals(move.get("state"))) {
            problems.add("The entry " + move.get("name") + " (id " + moveId + ") must be in draft.");
        }
        if (lineIds(moveId).stream().map(id -> db.record(LINE, id))
                .allMatch(l -> NOT_ACCOUNTABLE.contains(String.valueOf(l.get("display_type"))))) {
            problems.add(db.options.majorVersion() >= 19 ? "Even magicians can't post nothing!"
                    : "You need to add a line before posting.");
        }
        Map<String, Object> journal = db.record(JOURNAL, (Long) move.get("journal_id"));
        if (!Boolean.TRUE.equals(journal.get("active"))) {
            problems.add("You cannot post an entry in an archived journal (" + journal.get("name") + ")");
        }
        Map<String, Object> currency = db.record(CURRENCY, (Long) move.get("currency_id"));
        if (currency != null && !Boolean.TRUE.equals(currency.get("active"))) {
            problems.add("You cannot validate a document with an inactive currency: " + currency.get("name"));
        }
        if (!problems.isEmpty()) {
            throw OdooError.userError(String.join("\n", problems));
        }
        checkBalanced(env, moveId);
        LocalDate date = LocalDate.parse((String) move.get("date"));
        List<LockDates.Violation> locks = db.lockDates.violations((Long) move.get("company_id"), date,
                (String) journal.get("type"), false);
        if (!locks.isEmpty()) {
            // Odoo posts anyway, silently re-dated to the first open period (account.move._post)
            date = db.lockDates.accountingDate(env, move, date, locks);
            db.store(MOVE).set(moveId, "date", date.toString());
        }
        Object name = move.get("name");
        if (name == null || "/".equals(name) || "".equals(name)) {
            assignNumber(moveId, journal, date);
        }
        db.store(MOVE).set(moveId, "state", "posted");
        db.store(MOVE).set(moveId, "posted_before", true);
        // the items' stored related parent_state changes with the entry: Odoo bumps their write_date too
        db.orm.touch(MOVE, moveId);
        lineIds(moveId).forEach(id -> db.orm.touch(LINE, id));
    }

    /** {@code CODE/2026/00011} for sale, bank, cash and credit journals; {@code CODE/2026/11/0003} for the others. */
    private void assignNumber(long moveId, Map<String, Object> journal, LocalDate date) {
        boolean yearly = Set.of("sale", "bank", "cash", "credit").contains(journal.get("type"));
        String prefix = journal.get("code") + "/" + date.getYear() + "/"
                + (yearly ? "" : String.format("%02d/", date.getMonthValue()));
        long last = 0;
        for (Map<String, Object> other : db.store(MOVE).all()) {
            if (Objects.equals(other.get("journal_id"), journal.get("id")) && prefix.equals(other.get("sequence_prefix"))
                    && other.get("sequence_number") instanceof Long n) {
                last = Math.max(last, n);
            }
        }
        long number = last + 1;
        db.store(MOVE).set(moveId, "sequence_prefix", prefix);
        db.store(MOVE).set(moveId, "sequence_number", number);
        db.store(MOVE).set(moveId, "name", prefix + String.format(yearly ? "%05d" : "%04d", number));
    }

    /** The name of the journal's latest numbered entry (Odoo's relaxed {@code _get_last_sequence}), or null. */
    String lastSequenceName(Long journalId, Long excludeMoveId) {
        Map<String, Object> best = null;
        for (Map<String, Object> move : db.store(MOVE).all()) {
            if (!Objects.equals(move.get("journal_id"), journalId) || Objects.equals(move.get("id"), excludeMoveId)
                    || move.get("name") == null || "/".equals(move.get("name"))) {
                continue;
            }
            if (best == null || compareSequence(move, best) > 0) {
                best = move;
            }
        }
        return best == null ? null : (String) best.get("name");
    }

    private static int compareSequence(Map<String, Object> a, Map<String, Object> b) {
        int cmp = String.valueOf(a.get("sequence_prefix")).compareTo(String.valueOf(b.get("sequence_prefix")));
        if (cmp != 0) {
            return cmp;
        }
        return Long.compare(a.get("sequence_number") instanceof Long x ? x : 0, b.get("sequence_number") instanceof Long y ? y : 0);
    }

    // ---------------------------------------------------------------- journal entries

    private final class MoveHooks implements ModelHooks {

        @Override
        public void beforeCreate(Env env, Map<String, Object> vals) {
            if ("posted".equals(vals.get("state"))) {
                throw OdooError.userError("You cannot create a move already in the posted state. Please create a draft "
                        + "move and post it after.");
            }
            String moveType = vals.get("move_type") instanceof String t ? t : "entry";
            vals.put("move_type", moveType);
            Long company = vals.get("company_id") instanceof Number n ? n.longValue() : null;
            if (vals.get("journal_id") == null || Boolean.FALSE.equals(vals.get("journal_id"))) {
                List<String> types = moveType.startsWith("out_") ? List.of("sale")
                        : moveType.startsWith("in_") ? List.of("purchase") : List.of("general");
                vals.put("journal_id", defaultJournal(env, company != null ? company : env.companyId, types));
            }
            Map<String, Object> journal = vals.get("journal_id") instanceof Number n ? db.record(JOURNAL, n.longValue()) : null;
            if (journal != null) {
                if (company == null) {
                    vals.put("company_id", journal.get("company_id"));
                }
                if (vals.get("currency_id") == null || Boolean.FALSE.equals(vals.get("currency_id"))) {
                    vals.put("currency_id", journalCurrency((Long) journal.get("id")));
                }
            }
            if (vals.get("date") == null || Boolean.FALSE.equals(vals.get("date"))) {
                vals.put("date", env.today.toString());
            }
        }

        @Override
        public void afterCreate(Env env, long id, Map<String, Object> vals) {
            checkBalanced(env, id);
        }

        @Override
        public void beforeWrite(Env env, List<Long> ids, Map<String, Object> vals) {
            boolean skipReadonly = env.flag("skip_readonly_check", false);
            for (Long id : ids) {
                Map<String, Object> move = db.record(MOVE, id);
                boolean posted = "posted".equals(move.get("state"));
                if (posted && !skipReadonly) {
                    List<String> readonly = new ArrayList<>();
                    for (String field : vals.keySet()) {
                        if (POSTED_READONLY.contains(field)) {
                            readonly.add(field);
                        }
                    }
                    if (!readonly.isEmpty()) {
                        throw OdooError.userError("You cannot modify the following readonly fields on a posted move: "
                                + String.join(", ", readonly));
                    }
                }
                Object newJournal = vals.get("journal_id");
                Object newName = vals.get("name");
                boolean nameCleared = vals.containsKey("name") && (newName == null || Boolean.FALSE.equals(newName)
                        || "/".equals(newName));
                if (Boolean.TRUE.equals(move.get("posted_before")) && newJournal instanceof Number n
                        && n.longValue() != (Long) move.get("journal_id") && move.get("name") != null && !nameCleared) {
                    throw OdooError.userError("You cannot edit the journal of an account move if it has been posted once, "
                            + "unless the name is removed or set to \"/\". This might create a gap in the sequence.");
                }
                boolean dateOrNameChange = (vals.containsKey("date") && !Objects.equals(vals.get("date"), move.get("date")))
                        || (vals.containsKey("name") && !Objects.equals(vals.get("name"), move.get("name")));
                boolean unposting = vals.containsKey("state") && !"posted".equals(vals.get("state"));
                if (posted && (dateOrNameChange || unposting)) {
                    db.lockDates.checkFiscal(env, move);
                }
            }
        }

        @Override
        public void afterWrite(Env env, List<Long> ids, Map<String, Object> vals) {
            for (Long id : ids) {
                Map<String, Object> move = db.record(MOVE, id);
                if (move == null) {
                    continue;
                }
                if (vals.containsKey("journal_id") && !vals.containsKey("name") && "draft".equals(move.get("state"))) {
                    db.store(MOVE).set(id, "name", null);
                }
                checkBalanced(env, id);
                if ((vals.containsKey("date") || vals.containsKey("state")) && "posted".equals(move.get("state"))) {
                    db.lockDates.checkFiscal(env, move);
                }
            }
        }

        @Override
        public Set<String> methods() {
            return Set.of("action_post", "button_draft");
        }

        @Override
        public Object call(Env env, String method, List<Long> ids, Map<String, Object> kwargs) {
            db.orm.requireExisting(db.model(MOVE), ids);
            for (Long id : ids) {
                if ("action_post".equals(method)) {
                    post(env, id);
                } else {
                    Map<String, Object> move = db.record(MOVE, id);
                    if ("posted".equals(move.get("state"))) {
                        db.lockDates.checkFiscal(env, move);
                    }
                    db.store(MOVE).set(id, "state", "draft");
                }
            }
            return "action_post".equals(method) ? Boolean.FALSE : null;
        }
    }

    private Long defaultJournal(Env env, long companyId, List<String> types) {
        List<Map<String, Object>> journals = new ArrayList<>();
        for (Map<String, Object> journal : db.store(JOURNAL).all()) {
            if (Objects.equals(journal.get("company_id"), companyId) && types.contains(journal.get("type"))
                    && Boolean.TRUE.equals(journal.get("active"))) {
                journals.add(journal);
            }
        }
        if (journals.isEmpty()) {
            throw OdooError.userError("No journal could be found in company " + db.displayName(env, COMPANY, companyId)
                    + " for any of those types: " + String.join(", ", types));
        }
        db.orm.sort(env, db.model(JOURNAL), journals, db.model(JOURNAL).order);
        return (Long) journals.get(0).get("id");
    }

    // ---------------------------------------------------------------- journal items

    private final class LineHooks implements ModelHooks {

        @Override
        public void beforeCreate(Env env, Map<String, Object> vals) {
            Long moveId = vals.get("move_id") instanceof Number n ? n.longValue() : null;
            Map<String, Object> move = db.record(MOVE, moveId);
            if (move == null) {
                return; // the NOT NULL / foreign key checks report it
            }
            Long currency = vals.get("currency_id") instanceof Number n ? n.longValue() : (Long) move.get("currency_id");
            vals.putAll(money(moveId, currency, Map.of(), vals));
        }

        @Override
        public void afterCreate(Env env, long id, Map<String, Object> vals) {
            Map<String, Object> line = db.record(LINE, id);
            if (!NOT_ACCOUNTABLE.contains(String.valueOf(line.get("display_type"))) && line.get("account_id") == null) {
                throw OdooError.validation("The operation cannot be completed: Missing required account on accountable line.");
            }
            Map<String, Object> move = db.record(MOVE, (Long) line.get("move_id"));
            if ("posted".equals(move.get("state"))) {
                db.lockDates.checkFiscal(env, move);
            }
            if (!env.flag(SandboxDatabase.IN_PARENT_WRITE, false)) {
                checkBalanced(env, (Long) move.get("id"));
            }
        }

        @Override
        public void beforeWrite(Env env, List<Long> ids, Map<String, Object> vals) {
            boolean protectedChange = vals.keySet().stream().anyMatch(LOCK_PROTECTED_LINE_FIELDS::contains);
            for (Long id : ids) {
                Map<String, Object> move = db.record(MOVE, (Long) db.record(LINE, id).get("move_id"));
                if (protectedChange && "posted".equals(move.get("state"))) {
                    db.lockDates.checkFiscal(env, move);
                }
            }
        }

        @Override
        public void afterWrite(Env env, List<Long> ids, Map<String, Object> vals) {
            Set<Long> moves = new java.util.LinkedHashSet<>();
            for (Long id : ids) {
                Map<String, Object> line = db.record(LINE, id);
                if (vals.keySet().stream().anyMatch(MONEY::contains)) {
                    Map<String, Object> amounts = money((Long) line.get("move_id"), (Long) line.get("currency_id"), line, vals);
                    amounts.forEach((k, v) -> db.store(LINE).set(id, k, v));
                }
                if (!NOT_ACCOUNTABLE.contains(String.valueOf(line.get("display_type"))) && line.get("account_id") == null) {
                    throw OdooError.validation("The operation cannot be completed: Missing required account on accountable line.");
                }
                moves.add((Long) line.get("move_id"));
            }
            if (!env.flag(SandboxDatabase.IN_PARENT_WRITE, false)) {
                moves.forEach(move -> checkBalanced(env, move));
            }
        }

        @Override
        public void beforeUnlink(Env env, List<Long> ids) {
            if (env.flag("force_delete", false)) {
                return;
            }
            for (Long id : ids) {
                Map<String, Object> move = db.record(MOVE, (Long) db.record(LINE, id).get("move_id"));
                if ("posted".equals(move.get("state"))) {
                    throw OdooError.userError("You cannot delete an item linked to a posted entry.");
                }
            }
        }

        @Override
        public void afterUnlink(Env env, List<Long> ids, List<Map<String, Object>> removed) {
            if (env.flag(SandboxDatabase.IN_PARENT_WRITE, false) || env.flag(SandboxDatabase.CASCADE, false)) {
                return;
            }
            removed.stream().map(line -> (Long) line.get("move_id")).distinct().forEach(move -> checkBalanced(env, move));
        }
    }

    // ---------------------------------------------------------------- bank statement lines

    private final class StatementLineHooks implements ModelHooks {

        /** Like Odoo: the entry and the line are inserted (consuming ids), then the items, then the entry posted. */
        @Override
        public Long create(Env env, Map<String, Object> vals) {
            ModelDef def = db.model(STATEMENT_LINE);
            if (vals.containsKey("line_ids") || vals.containsKey("state") || vals.containsKey("move_type")
                    || vals.containsKey("name") || vals.containsKey("move_id")) {
                throw OdooError.builtin("NotImplementedError", "The sandbox books statement lines against the journal's "
                        + "suspense account only: line_ids, name, state, move_type and move_id cannot be given");
            }
            boolean journalGiven = vals.get("journal_id") instanceof Number;
            Long journalId = journalGiven ? ((Number) vals.get("journal_id")).longValue()
                    : defaultJournal(env, env.companyId, List.of("bank", "cash", "credit"));
            Map<String, Object> journal = db.record(JOURNAL, journalId);
            if (journal == null) {
                throw Orm.foreignKeyViolation(db.model(MOVE), db.model(MOVE).field("journal_id"));
            }
            Long company = (Long) journal.get("company_id");
            String date;
            if (vals.get("date") != null && !Boolean.FALSE.equals(vals.get("date"))) {
                date = Orm.date(vals.get("date"));
            } else if (!journalGiven) {
                // default_get: the date of the journal's latest posted transaction, when Odoo picked the journal
                date = latestPostedDate(env, journalId);
            } else {
                date = env.today.toString();
            }
            Long journalCurrency = journalCurrency(journalId);
            Long foreign = vals.get("foreign_currency_id") instanceof Number n ? n.longValue() : null;
            double amount = round(journalCurrency, number(vals.get("amount")));
            Double amountCurrency = vals.get("amount_currency") instanceof Number n ? n.doubleValue() : null;
            if (foreign != null && foreign.equals(journalCurrency)) {
                foreign = null;
                amountCurrency = 0.0;
            }
            if (foreign != null && (amountCurrency == null || amountCurrency == 0.0) && db.record(CURRENCY, foreign) != null) {
                amountCurrency = convert(amount, journalCurrency, foreign);
            }

            Map<String, Object> moveVals = new LinkedHashMap<>();
            moveVals.put("move_type", "entry");
            moveVals.put("journal_id", journalId);
            moveVals.put("company_id", company);
            moveVals.put("date", date);
            moveVals.put("currency_id", foreign != null ? foreign : journalCurrency);
            for (String inherited : List.of("ref", "narration", "partner_id")) {
                if (vals.containsKey(inherited)) {
                    moveVals.put(inherited, vals.get(inherited));
                }
            }
            long moveId = db.orm.create(env, MOVE, moveVals);

            long id = db.store(STATEMENT_LINE).allocateId();
            Map<String, Object> rec = new LinkedHashMap<>();
            rec.put("id", id);
            rec.put("move_id", moveId);
            rec.put("journal_id", journalId);
            rec.put("company_id", company);
            for (FieldDef field : def.fields.values()) {
                if (field.stored() && !rec.containsKey(field.name)) {
                    Object value = vals.containsKey(field.name) ? db.orm.convert(def, field, vals.get(field.name), null)
                            : field.defaultValue != null ? field.defaultValue.apply(env) : null;
                    rec.put(field.name, value);
                }
            }
            rec.put("amount", amount);
            rec.put("foreign_currency_id", foreign);
            rec.put("amount_currency", amountCurrency == null ? null : (foreign == null ? amountCurrency
                    : round(foreign, amountCurrency)));
            rec.put("is_reconciled", isZero(journalCurrency, amount));
            db.orm.checkRequired(def, rec, def.requiredOrder);
            db.store(STATEMENT_LINE).insert(rec);

            Env inner = env.withContext(SandboxDatabase.IN_PARENT_WRITE, true);
            for (Map<String, Object> lineVals : itemValues(env, rec, journal)) {
                lineVals.put("move_id", moveId);
                db.orm.create(inner, LINE, lineVals);
            }
            checkCurrencies(rec, journalCurrency);
            checkUniqueImportId(rec);
            db.store(MOVE).set(moveId, "statement_line_id", id);
            checkBalanced(env, moveId);
            post(env, moveId);
            return id;
        }

        @Override
        public void beforeWrite(Env env, List<Long> ids, Map<String, Object> vals) {
            if (vals.keySet().stream().anyMatch(STATEMENT_SYNC::contains)) {
                for (Long id : ids) {
                    Map<String, Object> move = db.record(MOVE, (Long) db.record(STATEMENT_LINE, id).get("move_id"));
                    if ("posted".equals(move.get("state"))) {
                        db.lockDates.checkFiscal(env, move);
                    }
                }
            }
        }

        @Override
        public void afterWrite(Env env, List<Long> ids, Map<String, Object> vals) {
            for (Long id : ids) {
                Map<String, Object> rec = db.record(STATEMENT_LINE, id);
                Long journalCurrency = journalCurrency((Long) rec.get("journal_id"));
                checkCurrencies(rec, journalCurrency);
                checkUniqueImportId(rec);
                if (vals.keySet().stream().noneMatch(STATEMENT_SYNC::contains)) {
                    continue;
                }
                // _synchronize_to_moves: the liquidity and suspense items follow the line
                Map<String, Object> journal = db.record(JOURNAL, (Long) rec.get("journal_id"));
                Long moveId = (Long) rec.get("move_id");
                List<Map<String, Object>> items = itemValues(env, rec, journal);
                Env inner = env.withContext(SandboxDatabase.IN_PARENT_WRITE, true);
                for (Long lineId : lineIds(moveId)) {
                    Object account = db.record(LINE, lineId).get("account_id");
                    Map<String, Object> target = Objects.equals(account, journal.get("default_account_id")) ? items.get(0)
                            : Objects.equals(account, journal.get("suspense_account_id")) ? items.get(1) : null;
                    if (target != null) {
                        db.orm.write(inner, LINE, List.of(lineId), target);
                    }
                }
                db.store(MOVE).set(moveId, "partner_id", rec.get("partner_id"));
                checkBalanced(env, moveId);
            }
        }

        @Override
        public void beforeUnlink(Env env, List<Long> ids) {
            for (Long id : ids) {
                Map<String, Object> move = db.record(MOVE, (Long) db.record(STATEMENT_LINE, id).get("move_id"));
                if (move != null && "posted".equals(move.get("state"))) {
                    db.lockDates.checkFiscal(env, move);
                }
            }
        }

        @Override
        public void afterUnlink(Env env, List<Long> ids, List<Map<String, Object>> removed) {
            Env force = env.withContext("force_delete", true);
            for (Map<String, Object> line : removed) {
                db.orm.unlink(force, MOVE, List.of((Long) line.get("move_id")));
            }
        }
    }

    private String latestPostedDate(Env env, Long journalId) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Map<String, Object> line : db.store(STATEMENT_LINE).all()) {
            if (Objects.equals(line.get("journal_id"), journalId)
                    && "posted".equals(db.raw(env, MOVE, (Long) line.get("move_id"), "state"))) {
                lines.add(line);
            }
        }
        if (lines.isEmpty()) {
            return env.today.toString();
        }
        db.orm.sort(env, db.model(STATEMENT_LINE), lines, db.model(STATEMENT_LINE).order);
        return (String) db.raw(env, MOVE, (Long) lines.get(0).get("move_id"), "date");
    }

    /** The liquidity item (journal's bank account) and its counterpart on the suspense account. */
    private List<Map<String, Object>> itemValues(Env env, Map<String, Object> line, Map<String, Object> journal) {
        Long suspense = (Long) journal.get("suspense_account_id");
        if (suspense == null) {
            throw OdooError.userError("You can't create a new statement line without a suspense account set on the "
                    + journal.get("name") + " journal.");
        }
        Long companyCurrency = companyCurrency((Long) journal.get("company_id"));
        Long journalCurrency = journal.get("currency_id") != null ? (Long) journal.get("currency_id") : companyCurrency;
        Long foreign = line.get("foreign_currency_id") != null ? (Long) line.get("foreign_currency_id") : journalCurrency;
        double journalAmount = number(line.get("amount"));
        double transactionAmount = foreign.equals(journalCurrency) ? journalAmount : number(line.get("amount_currency"));
        double companyAmount = journalCurrency.equals(companyCurrency) ? journalAmount
                : foreign.equals(companyCurrency) ? transactionAmount
                : convert(journalAmount, journalCurrency, companyCurrency);
        Map<String, Object> liquidity = new LinkedHashMap<>();
        liquidity.put("name", line.get("payment_ref") == null ? false : line.get("payment_ref"));
        liquidity.put("partner_id", line.get("partner_id") == null ? false : line.get("partner_id"));
        liquidity.put("account_id", journal.get("default_account_id") == null ? false : journal.get("default_account_id"));
        liquidity.put("currency_id", journalCurrency);
        liquidity.put("amount_currency", journalAmount);
        liquidity.put("balance", companyAmount);
        Map<String, Object> counterpart = new LinkedHashMap<>();
        counterpart.put("name", liquidity.get("name"));
        counterpart.put("partner_id", liquidity.get("partner_id"));
        counterpart.put("account_id", suspense);
        counterpart.put("currency_id", foreign);
        counterpart.put("amount_currency", -transactionAmount + 0.0);
        counterpart.put("balance", -companyAmount + 0.0);
        return List.of(liquidity, counterpart);
    }

    private void checkCurrencies(Map<String, Object> line, Long journalCurrency) {
        Object foreign = line.get("foreign_currency_id");
        double amountCurrency = number(line.get("amount_currency"));
        if (foreign != null && foreign.equals(journalCurrency)) {
            throw OdooError.validation("The foreign currency must be different than the journal one: "
                    + db.record(CURRENCY, journalCurrency).get("name"));
        }
        if (foreign == null && amountCurrency != 0.0) {
            throw OdooError.validation("You can't provide an amount in foreign currency without specifying a foreign currency.");
        }
        if (foreign != null && amountCurrency == 0.0) {
            throw OdooError.validation("You can't provide a foreign currency without specifying an amount in 'Amount in "
                    + "Currency' field.");
        }
    }

    /** OCA's {@code unique_import_id} constraint, when the sandbox has that field. */
    private void checkUniqueImportId(Map<String, Object> line) {
        Object key = line.get("unique_import_id");
        if (key == null || db.model(STATEMENT_LINE).field("unique_import_id") == null) {
            return;
        }
        for (Map<String, Object> other : db.store(STATEMENT_LINE).all()) {
            if (other != line && key.equals(other.get("unique_import_id")) && !other.get("id").equals(line.get("id"))) {
                throw OdooError.validation("The operation cannot be completed: A bank account transactions can be "
                        + "imported only once!");
            }
        }
    }

    // ---------------------------------------------------------------- journals, partners, bank accounts

    private final class JournalHooks implements ModelHooks {

        @Override
        public void beforeCreate(Env env, Map<String, Object> vals) {
            Long company = vals.get("company_id") instanceof Number n ? n.longValue() : env.companyId;
            vals.put("company_id", company);
            Object type = vals.get("type");
            if (!(type instanceof String t) || !Set.of("bank", "cash", "credit").contains(t) || vals.get("name") == null) {
                return;
            }
            // Odoo creates the liquidity account of a new bank/cash journal and gives it the company's suspense account
            if (vals.get("default_account_id") == null || Boolean.FALSE.equals(vals.get("default_account_id"))) {
                Map<String, Object> account = new LinkedHashMap<>();
                account.put("code", nextLiquidityCode(company, "credit".equals(type) ? "2017" : "cash".equals(type) ? "1015" : "1014"));
                account.put("name", vals.get("name"));
                account.put("account_type", "credit".equals(type) ? "liability_credit_card" : "asset_cash");
                account.put("company_ids", List.of(company));
                if (vals.get("currency_id") instanceof Number currency) {
                    account.put("currency_id", currency);
                }
                vals.put("default_account_id", db.orm.create(env, ACCOUNT, account));
            }
            if (vals.get("suspense_account_id") == null || Boolean.FALSE.equals(vals.get("suspense_account_id"))) {
                Map<String, Object> companyRec = db.record(COMPANY, company);
                if (companyRec != null && companyRec.get("account_journal_suspense_account_id") != null) {
                    vals.put("suspense_account_id", companyRec.get("account_journal_suspense_account_id"));
                }
            }
        }

        @Override
        public void afterCreate(Env env, long id, Map<String, Object> vals) {
            checkCode(id);
        }

        @Override
        public void afterWrite(Env env, List<Long> ids, Map<String, Object> vals) {
            ids.forEach(this::checkCode);
        }

        private void checkCode(long id) {
            Map<String, Object> journal = db.record(JOURNAL, id);
            for (Map<String, Object> other : db.store(JOURNAL).all()) {
                if (!other.get("id").equals(id) && Objects.equals(other.get("company_id"), journal.get("company_id"))
                        && Objects.equals(other.get("code"), journal.get("code"))) {
                    throw OdooError.validation("The operation cannot be completed: Journal codes must be unique per company.");
                }
            }
        }
    }

    private String nextLiquidityCode(long company, String prefix) {
        long max = Long.parseLong(prefix + "00");
        for (Map<String, Object> account : db.store(ACCOUNT).all()) {
            String code = (String) account.get("code");
            if (code != null && code.startsWith(prefix) && code.length() == 6 && code.matches("\\d+")
                    && ((List<?>) account.get("company_ids")).contains(company)) {
                max = Math.max(max, Long.parseLong(code));
            }
        }
        return String.valueOf(max + 1);
    }

    private final class PartnerHooks implements ModelHooks {

        @Override
        public void afterCreate(Env env, long id, Map<String, Object> vals) {
            check(id);
        }

        @Override
        public void afterWrite(Env env, List<Long> ids, Map<String, Object> vals) {
            ids.forEach(this::check);
        }

        /** The SQL check constraint {@code check_name}: a contact needs a name. */
        private void check(long id) {
            Map<String, Object> partner = db.record(PARTNER, id);
            Object type = partner.get("type");
            if ((type == null || "contact".equals(type)) && (partner.get("name") == null)) {
                throw OdooError.validation("The operation cannot be completed: Contacts require a name");
            }
        }
    }

    private final class PartnerBankHooks implements ModelHooks {

        @Override
        public void afterCreate(Env env, long id, Map<String, Object> vals) {
            check(id);
        }

        @Override
        public void afterWrite(Env env, List<Long> ids, Map<String, Object> vals) {
            ids.forEach(this::check);
        }

        private void check(long id) {
            Map<String, Object> bank = db.record(PARTNER_BANK, id);
            for (Map<String, Object> other : db.store(PARTNER_BANK).all()) {
                if (!other.get("id").equals(id) && Objects.equals(other.get("partner_id"), bank.get("partner_id"))
                        && Objects.equals(sanitize((String) other.get("acc_number")), sanitize((String) bank.get("acc_number")))) {
                    throw OdooError.validation("The operation cannot be completed: The combination Account Number/Partner "
                            + "must be unique.");
                }
            }
        }
    }
}
