package io.finbatch.jobs.cli;

import io.finbatch.jobs.FinanceBatchApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the application without a web server, for commands that run jobs or read the job repository. */
public final class SpringContexts {

    private SpringContexts() {
    }

    public static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(FinanceBatchApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run();
    }
}
