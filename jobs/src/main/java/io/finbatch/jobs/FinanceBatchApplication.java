package io.finbatch.jobs;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Spring Boot application: job configurations and the services that launch them. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FinanceBatchApplication {
}
