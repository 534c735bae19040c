package io.finbatch.jobs.cli;

import io.finbatch.jobs.FinanceBatchApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the application: without a web server for the commands, with one for {@code serve}. */
public final class SpringContexts {

    private SpringContexts() {
    }

    /** The long-running mode: the same application with its web server (the REST API). */
    public static ConfigurableApplicationContext startWeb() {
        return new SpringApplicationBuilder(FinanceBatchApplication.class)
                .web(WebApplicationType.SERVLET)
                .logStartupInfo(false)
                .run();
    }

    public static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(FinanceBatchApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run();
    }
}
