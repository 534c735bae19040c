package io.finbatch.jobs.consolidation;

import io.finbatch.mappings.consolidation.AccountMappingRule;
import io.finbatch.mappings.consolidation.ExchangeRate;
import io.finbatch.mappings.consolidation.GroupAccount;
import io.finbatch.readers.group.GroupSetup;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * Mirrors the group's reviewed files into {@code group_account}, {@code account_mapping} and
 * {@code fx_rate}, so that what a consolidation used can be queried beside its results. The files are
 * the truth; the tables are replaced by them.
 */
class GroupSetupSync {

    private final JdbcTemplate jdbc;

    GroupSetupSync(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void sync(GroupSetup setup) {
        jdbc.update("DELETE FROM account_mapping");
        jdbc.update("DELETE FROM group_account");
        jdbc.update("DELETE FROM fx_rate");
        List<Object[]> accounts = new ArrayList<>();
        for (GroupAccount account : setup.chart().accounts()) {
            accounts.add(new Object[] {account.code(), account.name(), account.accountClass().name(),
                setup.roles().get(account.code())});
        }
        jdbc.batchUpdate("INSERT INTO group_account (code, name, account_class, role) VALUES (?, ?, ?, ?)", accounts);
        List<Object[]> mappings = new ArrayList<>();
        for (AccountMappingRule rule : setup.mapping().rules()) {
            mappings.add(new Object[] {rule.entity(), rule.localAccount(), rule.groupAccount()});
        }
        jdbc.batchUpdate("INSERT INTO account_mapping (entity, local_account, group_account) VALUES (?, ?, ?)",
                mappings);
        List<Object[]> rates = new ArrayList<>();
        for (ExchangeRate rate : setup.rates()) {
            rates.add(new Object[] {rate.currency(), rate.groupCurrency(), rate.period().toString(), rate.type().name(),
                rate.rate()});
        }
        jdbc.batchUpdate("INSERT INTO fx_rate (from_currency, to_currency, period, rate_type, rate)"
                + " VALUES (?, ?, ?, ?, ?)", rates);
    }
}
