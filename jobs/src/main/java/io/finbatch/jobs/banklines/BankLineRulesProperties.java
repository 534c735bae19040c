package io.finbatch.jobs.banklines;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * {@code finbatch.rules.*} (env {@code FINBATCH_RULES_DIR}): the folder of the reviewed bank-line mapping
 * rules ({@code *.yml}, format in {@code mappings/rules/README.md}).
 */
@ConfigurationProperties("finbatch.rules")
public record BankLineRulesProperties(Path dir) {

    public BankLineRulesProperties {
        dir = dir == null ? Path.of("./mappings/rules") : dir;
    }
}
