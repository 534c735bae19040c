package io.finbatch.jobs.scheduling;

import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Quartz's JDBC store on the application's database: the driver delegate that matches it (PostgreSQL stores
 * job data as BYTEA, which the standard delegate cannot read), unless the configuration names one.
 */
@Configuration(proxyBeanMethods = false)
public class QuartzConfiguration {

    static final String DELEGATE = "org.quartz.jobStore.driverDelegateClass";

    @Bean
    SchedulerFactoryBeanCustomizer finbatchQuartzDelegate(QuartzProperties quartz, DataSource dataSource) {
        return factory -> {
            Properties properties = new Properties();
            properties.putAll(quartz.getProperties());
            if (!properties.containsKey(DELEGATE)) {
                properties.put(DELEGATE, delegateFor(dataSource));
            }
            factory.setQuartzProperties(properties);
        };
    }

    static String delegateFor(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            return product != null && product.toLowerCase().contains("postgres")
                    ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate"
                    : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate";
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database Quartz stores its jobs in: " + e.getMessage(), e);
        }
    }
}
