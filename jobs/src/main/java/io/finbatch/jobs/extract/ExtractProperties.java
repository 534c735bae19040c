package io.finbatch.jobs.extract;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * {@code finbatch.extracts.*}.
 *
 * @param dir         the archive: {@code <dir>/<period>/<name>/<version>/} (default {@code ./data/extracts})
 * @param definitions where the extract definitions are read (default {@code classpath:db/extracts/}, where
 *                    {@code sql/extracts/} is packaged; {@code file:/some/folder/} for a folder)
 * @param xlsxWindow  rows of an XLSX sheet kept in memory while streaming (default 500)
 */
@ConfigurationProperties("finbatch.extracts")
public record ExtractProperties(Path dir, String definitions, int xlsxWindow) {

    public ExtractProperties {
        dir = dir == null ? Path.of("data/extracts") : dir;
        definitions = definitions == null || definitions.isBlank() ? "classpath:db/extracts/" : definitions;
        xlsxWindow = xlsxWindow <= 0 ? 500 : xlsxWindow;
    }
}
