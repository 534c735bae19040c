package io.finbatch.jobs.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;

import java.nio.file.Path;
import java.time.Duration;

/** Settings under {@code finbatch.}; see application.yml for the defaults. */
@ConfigurationProperties("finbatch")
public record FinBatchProperties(Path inbox, int chunkSize, @Name("import") Import importSettings) {

    public FinBatchProperties {
        if (chunkSize <= 0) {
            chunkSize = 2000;
        }
        if (importSettings == null) {
            importSettings = new Import(50, 3, Duration.ofSeconds(2));
        }
    }

    /**
     * @param skipLimit         malformed entries a file may have before it is rejected as a whole
     * @param transientRetries  restarts of an import that failed on a transient database fault
     * @param transientBackoff  wait before the first such restart (doubles each time)
     */
    public record Import(int skipLimit, int transientRetries, Duration transientBackoff) {
    }
}
