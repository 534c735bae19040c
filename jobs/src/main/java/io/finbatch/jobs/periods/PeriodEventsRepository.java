package io.finbatch.jobs.periods;

import io.finbatch.jobs.events.EventOutbox;
import io.finbatch.jobs.events.EventTypes;
import io.finbatch.writers.periods.FiscalPeriod;
import io.finbatch.writers.periods.FiscalPeriodRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The period repository that also writes {@code period.cutoff} and {@code period.locked}: the change and its event
 * commit together (in the caller's transaction, or one of their own), whoever asks for it — the command line,
 * the API, the console or the month-end close.
 */
class PeriodEventsRepository extends FiscalPeriodRepository {

    private final EventOutbox events;
    private final TransactionTemplate transaction;

    PeriodEventsRepository(JdbcTemplate jdbc, Clock clock, EventOutbox events, PlatformTransactionManager tx) {
        super(jdbc, clock);
        this.events = events;
        this.transaction = new TransactionTemplate(tx);
    }

    @Override
    public FiscalPeriod setCutoff(String entity, YearMonth month, Instant cutoff, String who) {
        return transaction.execute(status -> {
            FiscalPeriod period = super.setCutoff(entity, month, cutoff, who);
            Map<String, Object> facts = facts(period, who);
            facts.put("cutoffAt", cutoff.toString());
            events.publish(EventTypes.PERIOD_CUTOFF, facts);
            return period;
        });
    }

    @Override
    public FiscalPeriod lock(String entity, YearMonth month, String who) {
        return transaction.execute(status -> {
            FiscalPeriod period = super.lock(entity, month, who);
            Map<String, Object> facts = facts(period, who);
            facts.put("cutoffAt", period.cutoffAt() == null ? null : period.cutoffAt().toString());
            events.publish(EventTypes.PERIOD_LOCKED, facts);
            return period;
        });
    }

    private static Map<String, Object> facts(FiscalPeriod period, String who) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("entity", period.entity());
        facts.put("period", period.period().toString());
        facts.put("status", period.status());
        facts.put("by", who);
        return facts;
    }
}
