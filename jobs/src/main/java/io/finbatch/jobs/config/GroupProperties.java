package io.finbatch.jobs.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * {@code finbatch.group.*}: the folder of the group's reviewed files (group, entities, group chart,
 * account mappings, rates; layout in {@code examples/group/README.md}).
 */
@ConfigurationProperties("finbatch.group")
public record GroupProperties(Path dir) {

    public GroupProperties {
        dir = dir == null ? Path.of("examples/group") : dir;
    }
}
