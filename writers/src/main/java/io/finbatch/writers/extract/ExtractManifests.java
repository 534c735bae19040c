package io.finbatch.writers.extract;

import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.Map;

/** Reads and writes manifests as JSON (snake_case keys, in the record's order, indented). */
public final class ExtractManifests {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ExtractManifests() {
    }

    /** {@code <file>.manifest.json} */
    public static Path pathFor(Path file) {
        return file.resolveSibling(file.getFileName() + ".manifest.json");
    }

    public static void write(Path manifestFile, ExtractManifest manifest) {
        JSON.writeValue(manifestFile.toFile(), manifest);
    }

    public static ExtractManifest read(Path manifestFile) {
        return JSON.readValue(manifestFile.toFile(), ExtractManifest.class);
    }

    /** The control totals as a compact JSON object, for {@code extract_file.control_totals}. */
    public static String json(Map<String, String> totals) {
        return JsonMapper.builder().build().writeValueAsString(totals);
    }
}
