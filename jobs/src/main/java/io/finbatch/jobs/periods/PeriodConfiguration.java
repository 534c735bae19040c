package io.finbatch.jobs.periods;

import io.finbatch.writers.periods.FiscalPeriodRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
public class PeriodConfiguration {

    @Bean
    FiscalPeriodRepository fiscalPeriodRepository(JdbcTemplate jdbc, Clock clock) {
        return new FiscalPeriodRepository(jdbc, clock);
    }
}
