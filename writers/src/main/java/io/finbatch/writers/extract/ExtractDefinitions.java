package io.finbatch.writers.extract;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads extract definitions: {@code <name>.sql} and {@code <name>.yml} under a location
 * ({@code classpath:db/extracts/} in the application, where {@code sql/extracts/} is packaged, or a
 * {@code file:} folder). Everything a descriptor says is checked here, before any row is read.
 */
public class ExtractDefinitions {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");
    private static final Pattern PLACEHOLDER = Pattern.compile("(?<![:\\w]):([a-zA-Z_][a-zA-Z0-9_]*)");
    private static final Set<String> KINDS = Set.of("regulatory", "management", "operations");
    private static final Set<String> KEYS = Set.of("name", "kind", "description", "parameters", "columns", "sort",
            "formats", "control_totals", "csv", "empty", "empty_hint");

    private final ResourceLoader resources;
    private final String location;

    /** @param location a folder, ending with {@code /}: {@code classpath:db/extracts/}, {@code file:/srv/extracts/} */
    public ExtractDefinitions(ResourceLoader resources, String location) {
        this.resources = resources;
        this.location = location.endsWith("/") ? location : location + "/";
    }

    public ExtractDefinition load(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not an extract name: '" + name + "' (lower-case letters, digits, '-')");
        }
        Resource yml = resources.getResource(location + name + ".yml");
        Resource sql = resources.getResource(location + name + ".sql");
        if (!yml.exists() || !sql.exists()) {
            throw new IllegalArgumentException("no extract '" + name + "' in " + location + " (needs " + name
                    + ".sql and " + name + ".yml); known: " + names());
        }
        return parse(name, bytes(sql), bytes(yml));
    }

    /** The names of the extracts defined at the location, sorted. */
    public List<String> names() {
        try {
            Set<String> names = new TreeSet<>();
            for (Resource r : new PathMatchingResourcePatternResolver(resources).getResources(location + "*.yml")) {
                String file = r.getFilename();
                if (file != null && resources.getResource(location + file.replace(".yml", ".sql")).exists()) {
                    names.add(file.substring(0, file.length() - 4));
                }
            }
            return List.copyOf(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses and checks a definition from the bytes of its two files. */
    public static ExtractDefinition parse(String name, byte[] sqlBytes, byte[] ymlBytes) {
        String where = name + ".yml: ";
        Object document = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(new String(ymlBytes, StandardCharsets.UTF_8));
        if (!(document instanceof Map<?, ?> yml)) {
            throw new IllegalArgumentException(where + "not a YAML mapping");
        }
        for (Object key : yml.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                throw new IllegalArgumentException(where + "unknown key '" + key + "' (known: " + new TreeSet<>(KEYS) + ")");
            }
        }
        String declaredName = text(yml, "name", where, true);
        if (!name.equals(declaredName)) {
            throw new IllegalArgumentException(where + "name '" + declaredName + "' is not the file's name");
        }
        String kind = text(yml, "kind", where, true).toLowerCase(Locale.ROOT);
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException(where + "kind '" + kind + "' (regulatory, management, operations)");
        }
        String description = text(yml, "description", where, false);

        List<ExtractParameter> parameters = new ArrayList<>();
        for (Map<?, ?> p : maps(yml, "parameters", where, false)) {
            String parameter = text(p, "name", where + "parameter ", true);
            if (!ExtractParameters.KNOWN.contains(parameter)) {
                throw new IllegalArgumentException(where + "unknown parameter '" + parameter + "' (known: "
                        + ExtractParameters.known() + ")");
            }
            parameters.add(new ExtractParameter(parameter, text(p, "type", where, false), text(p, "description", where, false)));
        }

        List<ExtractColumn> columns = new ArrayList<>();
        Set<String> columnNames = new LinkedHashSet<>();
        for (Map<?, ?> c : maps(yml, "columns", where, true)) {
            String column = text(c, "name", where + "column ", true);
            if (!columnNames.add(column)) {
                throw new IllegalArgumentException(where + "column '" + column + "' twice");
            }
            ColumnType type = ColumnType.of(text(c, "type", where + "column " + column + ": ", true));
            int decimals = integer(c, "decimals", type == ColumnType.AMOUNT ? 2 : 0, where);
            if (type != ColumnType.AMOUNT && c.containsKey("decimals")) {
                throw new IllegalArgumentException(where + "column " + column + ": decimals only for amounts");
            }
            columns.add(new ExtractColumn(column, text(c, "header", where, false), type, decimals,
                    text(c, "format", where, false), integer(c, "width", 0, where)));
        }

        List<String> sort = strings(yml, "sort", where);
        if (sort.isEmpty()) {
            throw new IllegalArgumentException(where + "sort: the columns that order the rows (a key) are required");
        }
        for (String column : sort) {
            if (!columnNames.contains(column)) {
                throw new IllegalArgumentException(where + "sort column '" + column + "' is not a column");
            }
        }
        List<ExtractFormat> formats = strings(yml, "formats", where).stream().map(ExtractFormat::of).distinct().toList();
        if (formats.isEmpty()) {
            throw new IllegalArgumentException(where + "formats: csv, xlsx or both");
        }
        List<String> totals = strings(yml, "control_totals", where);
        for (String column : totals) {
            if (!columnNames.contains(column)) {
                throw new IllegalArgumentException(where + "control total '" + column + "' is not a column");
            }
            ColumnType type = columns.stream().filter(c -> c.name().equals(column)).findFirst().orElseThrow().type();
            if (type != ColumnType.AMOUNT && type != ColumnType.INTEGER) {
                throw new IllegalArgumentException(where + "control total '" + column + "' is not an amount or integer");
            }
        }
        char delimiter = ',';
        if (yml.get("csv") instanceof Map<?, ?> csv && csv.get("delimiter") != null) {
            String d = String.valueOf(csv.get("delimiter"));
            if (d.equals("\\t") || d.equals("tab")) {
                d = "\t";
            }
            if (d.length() != 1 || "\"\r\n".contains(d)) {
                throw new IllegalArgumentException(where + "csv.delimiter must be one character, not a quote or line break");
            }
            delimiter = d.charAt(0);
        }
        String empty = yml.get("empty") == null ? "allow" : String.valueOf(yml.get("empty"));
        if (!empty.equals("allow") && !empty.equals("fail")) {
            throw new IllegalArgumentException(where + "empty: allow or fail");
        }

        String sql = new String(sqlBytes, StandardCharsets.UTF_8).strip();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1);
        }
        Set<String> declared = new TreeSet<>();
        parameters.forEach(p -> declared.add(p.name()));
        Set<String> used = placeholders(sql);
        if (!declared.equals(used)) {
            throw new IllegalArgumentException(name + ": the query uses " + used + ", the descriptor declares "
                    + declared + ": they must be the same");
        }
        return new ExtractDefinition(name, kind, description, parameters, columns, sort, formats, totals, delimiter,
                empty.equals("fail"), text(yml, "empty_hint", where, false), sql, sha256(sqlBytes, ymlBytes));
    }

    /** SHA-256 of the .sql bytes followed by the .yml bytes, lower-case hex. */
    public static String sha256(byte[] sql, byte[] yml) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(sql);
            digest.update(yml);
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The named placeholders of a query ({@code :name}, not a {@code ::cast}), outside comments and literals. */
    static Set<String> placeholders(String sql) {
        Set<String> names = new TreeSet<>();
        var matcher = PLACEHOLDER.matcher(stripComments(sql));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The query without its comments and string literals (what a placeholder cannot be in). */
    static String stripComments(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                while (i < sql.length() && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
            } else if (c == '\'') {
                int end = sql.indexOf('\'', i + 1);
                i = end < 0 ? sql.length() : end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static byte[] bytes(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Map<?, ?> map, String key, String where, boolean required) {
        Object value = map.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            if (required) {
                throw new IllegalArgumentException(where + key + " is required");
            }
            return null;
        }
        return String.valueOf(value).strip();
    }

    private static int integer(Map<?, ?> map, String key, int fallback, String where) {
        Object value = map.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Integer number) || number < 0) {
            throw new IllegalArgumentException(where + key + " must be a whole number >= 0, not " + value);
        }
        return number;
    }

    private static List<String> strings(Map<?, ?> map, String key, String where) {
        Object value = map.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(where + key + " must be a list");
        }
        return list.stream().map(String::valueOf).toList();
    }

    private static List<Map<?, ?>> maps(Map<?, ?> map, String key, String where, boolean required) {
        Object value = map.get(key);
        if (value == null) {
            if (required) {
                throw new IllegalArgumentException(where + key + " is required");
            }
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(where + key + " must be a list");
        }
        List<Map<?, ?>> maps = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException(where + key + ": each entry must be a mapping");
            }
            maps.add(m);
        }
        return maps;
    }
}
