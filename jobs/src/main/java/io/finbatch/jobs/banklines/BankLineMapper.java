package io.finbatch.jobs.banklines;

import io.finbatch.mappings.money.Masking;
import io.finbatch.mappings.rules.BankLineMapping;
import io.finbatch.mappings.rules.BankLineRules;
import io.finbatch.writers.periods.FiscalPeriod;
import io.finbatch.writers.periods.FiscalPeriodRepository;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Maps a staged line with the rules of its account ({@code statement_line.account_key}); a matched line
 * dated in a LOCKED period of the rule file's entity becomes PERIOD_LOCKED. Account numbers in reasons are
 * masked, since operators list them.
 */
class BankLineMapper implements ItemProcessor<StagedLine, MappedLine> {

    private final BankLineRules rules;
    private final FiscalPeriodRepository periods;

    BankLineMapper(BankLineRules rules, FiscalPeriodRepository periods) {
        this.rules = rules;
        this.periods = periods;
    }

    @Override
    public MappedLine process(StagedLine staged) {
        String key = staged.accountKey() == null ? "(no account)" : staged.accountKey();
        BankLineMapping mapping = rules.map(key, staged.line());
        if (mapping instanceof BankLineMapping.Unmatched unmatched) {
            return MappedLine.unmatched(staged, mask(unmatched.reason(), staged.accountKey()));
        }
        BankLineMapping.Matched matched = (BankLineMapping.Matched) mapping;
        LocalDate date = staged.line().bookingDate() != null ? staged.line().bookingDate() : staged.line().valueDate();
        if (date == null) {
            return MappedLine.unmatched(staged, "no booking or value date (rule " + matched.rule().name() + ")");
        }
        String entity = matched.account().entity();
        Optional<FiscalPeriod> locked = periods.lockedPeriodOf(entity, date);
        if (locked.isPresent()) {
            return MappedLine.locked(staged, matched, date, "period locked: " + entity + " " + locked.get().period()
                    + " is LOCKED (statement line " + staged.line().uniqueImportId() + " dated " + date + ", rule "
                    + matched.rule().name() + ")");
        }
        return MappedLine.matched(staged, matched, date);
    }

    static String mask(String text, String accountKey) {
        if (text == null || accountKey == null || accountKey.isBlank()) {
            return text;
        }
        return text.replace(accountKey, Masking.maskAccount(accountKey));
    }
}
