package io.finbatch.jobs.periods;

import io.finbatch.jobs.events.EventOutbox;
import io.finbatch.writers.periods.FiscalPeriodRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
public class PeriodConfiguration {

    @Bean
    FiscalPeriodRepository fiscalPeriodRepository(JdbcTemplate jdbc, Clock clock, EventOutbox events,
            PlatformTransactionManager tx) {
        return new PeriodEventsRepository(jdbc, clock, events, tx);
    }
}
