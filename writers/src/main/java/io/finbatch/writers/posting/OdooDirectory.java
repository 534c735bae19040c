package io.finbatch.writers.posting;

import io.finbatch.mappings.money.Iban;
import io.finbatch.mappings.money.Masking;
import io.finbatch.writers.odoo.OdooClient;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the posting needs to know of the Odoo it posts to, looked up once per job and cached: journals,
 * accounts, partners and currencies by code or name, the company's lock date, and where a statement
 * line's business key can go ({@code unique_import_id} where an import module adds it, else {@code ref}).
 */
public class OdooDirectory {

    /** Lock-date fields of res.company that stop a journal entry (19: fiscalyear/hard; 17: period too). */
    static final List<String> LOCK_DATE_FIELDS = List.of("fiscalyear_lock_date", "hard_lock_date", "period_lock_date");
    /** Odoo 19's lock dates as they apply to the connected user (lock-date exceptions granted to it included). */
    static final List<String> USER_LOCK_DATE_FIELDS = List.of("user_fiscalyear_lock_date", "user_hard_lock_date");

    private final OdooClient odoo;
    private final Map<String, String> journalCodeByAccount;
    private final Map<String, Optional<Long>> cache = new HashMap<>();
    private Map<String, Long> bankJournalByAccount;
    private String statementLineKeyField;
    private Optional<LocalDate> lockDate;

    /**
     * @param journalCodeByAccount configured bank journal code per IBAN or account number, for journals whose
     *                             bank account is not set in Odoo
     */
    public OdooDirectory(OdooClient odoo, Map<String, String> journalCodeByAccount) {
        this.odoo = odoo;
        Map<String, String> normalized = new HashMap<>();
        journalCodeByAccount.forEach((account, code) -> normalized.put(Iban.normalize(account), code));
        this.journalCodeByAccount = normalized;
    }

    public OdooClient odoo() {
        return odoo;
    }

    /** The bank journal of an account: the configured code, else the journal whose bank account number it is. */
    public Optional<Long> bankJournalFor(String accountKey) {
        String account = Iban.normalize(accountKey);
        String configured = journalCodeByAccount.get(account);
        if (configured != null) {
            return journalByCode(configured);
        }
        return Optional.ofNullable(bankJournals().get(account));
    }

    /**
     * Every bank journal by the number of its bank account, read in one {@code search_read} on first use (a
     * company has a few dozen bank journals, not thousands): the lowest id where two journals share an account,
     * as a search for one account with {@code order=id, limit=1} would give.
     */
    private Map<String, Long> bankJournals() {
        if (bankJournalByAccount == null) {
            Map<String, Long> byAccount = new HashMap<>();
            for (Map<String, Object> journal : odoo.searchRead("account.journal",
                    List.of(List.of("type", "=", "bank")),
                    List.of("id", "bank_acc_number"), null, "id")) {
                if (journal.get("bank_acc_number") instanceof String number && !number.isBlank()) {
                    byAccount.putIfAbsent(number, ((Number) journal.get("id")).longValue());
                }
            }
            bankJournalByAccount = byAccount;
        }
        return bankJournalByAccount;
    }

    public Optional<Long> journalByCode(String code) {
        return cached("journal:" + code, () -> first("account.journal", List.of(List.of("code", "=", code))));
    }

    public Optional<Long> accountByCode(String code) {
        return cached("account:" + code, () -> first("account.account", List.of(List.of("code", "=", code))));
    }

    public Optional<Long> partnerByName(String name) {
        return cached("partner:" + name, () -> first("res.partner", List.of(List.of("name", "=", name))));
    }

    public Optional<Long> currencyByCode(String code) {
        return cached("currency:" + code, () -> first("res.currency", List.of(List.of("name", "=", code))));
    }

    /** {@code unique_import_id} when account.bank.statement.line has it, else {@code ref}. */
    public String statementLineKeyField() {
        if (statementLineKeyField == null) {
            statementLineKeyField = odoo.fieldsGet("account.bank.statement.line", List.of("type"))
                    .containsKey("unique_import_id") ? "unique_import_id" : "ref";
        }
        return statementLineKeyField;
    }

    /**
     * The latest of the company's lock dates that stop journal entries, whichever of them this Odoo has
     * (they differ between 17 and 19). Odoo does not refuse an earlier date: it silently re-dates, so
     * items dated on or before it must be kept out.
     */
    public Optional<LocalDate> lockDate() {
        if (lockDate == null) {
            Map<String, Map<String, Object>> fields = odoo.fieldsGet("res.company", List.of("type"));
            List<String> present = USER_LOCK_DATE_FIELDS.stream().filter(fields::containsKey).toList();
            if (present.isEmpty()) {
                present = LOCK_DATE_FIELDS.stream().filter(fields::containsKey).toList();
            }
            LocalDate latest = null;
            if (!present.isEmpty()) {
                for (Map<String, Object> company : odoo.searchRead("res.company", List.of(), present, null, null)) {
                    for (String field : present) {
                        Object value = company.get(field);
                        if (value instanceof String text && !text.isBlank()) {
                            LocalDate date = LocalDate.parse(text);
                            latest = latest == null || date.isAfter(latest) ? date : latest;
                        }
                    }
                }
            }
            lockDate = Optional.ofNullable(latest);
        }
        return lockDate;
    }

    /** For messages: the account masked. */
    static String describe(String accountKey) {
        return Masking.maskAccount(accountKey);
    }

    private Optional<Long> first(String model, List<?> domain) {
        List<Long> ids = odoo.search(model, domain, 1, "id");
        return ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(0));
    }

    private Optional<Long> cached(String key, java.util.function.Supplier<Optional<Long>> lookup) {
        Optional<Long> found = cache.get(key);
        if (found == null) {
            found = lookup.get();
            cache.put(key, found);
        }
        return found;
    }
}
