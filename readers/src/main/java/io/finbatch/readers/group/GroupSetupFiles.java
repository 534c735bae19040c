package io.finbatch.readers.group;

import io.finbatch.mappings.consolidation.AccountClass;
import io.finbatch.mappings.consolidation.AccountMapping;
import io.finbatch.mappings.consolidation.AccountMappingRule;
import io.finbatch.mappings.consolidation.ExchangeRate;
import io.finbatch.mappings.consolidation.GroupAccount;
import io.finbatch.mappings.consolidation.GroupChart;
import io.finbatch.mappings.consolidation.IntercompanyRole;
import io.finbatch.mappings.consolidation.LegalEntity;
import io.finbatch.mappings.consolidation.RateType;
import io.finbatch.readers.SourceFileException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads a group's reviewed files from a folder: {@code group.csv}, {@code entities.csv},
 * {@code group-chart.csv}, {@code account-mapping/*.csv}, {@code rates.csv}. A bad value fails with the
 * file, line, column and reason; so does a chart without exactly one translation reserve and one
 * intercompany difference account.
 */
public final class GroupSetupFiles {

    private static final String RESERVE = "TRANSLATION_RESERVE";
    private static final String IC_DIFFERENCE = "IC_DIFFERENCE";

    private GroupSetupFiles() {
    }

    public static GroupSetup load(Path folder) {
        CSVRecord group = rows(folder.resolve("group.csv"), r -> r).stream().findFirst()
                .orElseThrow(() -> new SourceFileException(folder.resolve("group.csv").toString(), "line 2",
                        "no group row"));
        Map<String, Set<String>> sources = new LinkedHashMap<>();
        List<LegalEntity> entities = rows(folder.resolve("entities.csv"), r -> {
            sources.put(value(r, "entity"), journalSources(value(r, "journal_sources")));
            return new LegalEntity(value(r, "entity"), value(r, "currency"));
        });
        Map<String, String> roles = new LinkedHashMap<>();
        List<GroupAccount> accounts = rows(folder.resolve("group-chart.csv"), r -> {
            String role = r.get("role").isBlank() ? null : value(r, "role");
            if (role != null) {
                roles.put(value(r, "account"), role);
            }
            return new GroupAccount(value(r, "account"), value(r, "name"), accountClass(r), intercompanyRole(r, role));
        });
        List<AccountMappingRule> rules = new ArrayList<>();
        Path mappings = folder.resolve("account-mapping");
        try (Stream<Path> files = Files.list(mappings)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                rules.addAll(rows(file, r -> new AccountMappingRule(value(r, "entity"), value(r, "local_account"),
                        value(r, "group_account"))));
            }
        } catch (IOException e) {
            throw new SourceFileException(mappings.toString(), null, "cannot list the folder: " + e.getMessage(), e);
        }
        List<ExchangeRate> rates = rows(folder.resolve("rates.csv"), r -> new ExchangeRate(value(r, "from_currency"),
                value(r, "to_currency"), RateType.valueOf(value(r, "rate_type").toUpperCase(Locale.ROOT)),
                YearMonth.parse(value(r, "period")), new BigDecimal(value(r, "rate"))));
        return new GroupSetup(value(group, "group"), value(group, "name"), value(group, "currency"), entities, sources,
                new GroupChart(accounts), roles, new AccountMapping(rules), rates,
                onlyAccountWithRole(roles, RESERVE, folder), onlyAccountWithRole(roles, IC_DIFFERENCE, folder));
    }

    private static final Set<String> SOURCES = Set.of("GL_CSV", "ODOO", "BANK_RULES");

    private static Set<String> journalSources(String text) {
        Set<String> sources = new java.util.TreeSet<>();
        for (String source : text.split(";")) {
            String name = source.trim().toUpperCase(Locale.ROOT);
            if (!SOURCES.contains(name)) {
                throw new IllegalArgumentException("column journal_sources: '" + source.trim() + "' is not one of "
                        + new java.util.TreeSet<>(SOURCES));
            }
            sources.add(name);
        }
        return sources;
    }

    private static AccountClass accountClass(CSVRecord row) {
        try {
            return AccountClass.valueOf(value(row, "class").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("column class: '" + row.get("class")
                    + "' is not asset, liability, equity, income or expense", e);
        }
    }

    private static IntercompanyRole intercompanyRole(CSVRecord row, String role) {
        if (role == null || !role.startsWith("IC_") || role.equals(IC_DIFFERENCE)) {
            return IntercompanyRole.NONE;
        }
        try {
            return IntercompanyRole.valueOf(role.substring(3));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("column role: unknown role '" + role + "'", e);
        }
    }

    private static String onlyAccountWithRole(Map<String, String> roles, String role, Path folder) {
        List<String> accounts = roles.entrySet().stream().filter(e -> e.getValue().equals(role))
                .map(Map.Entry::getKey).toList();
        if (accounts.size() != 1) {
            throw new SourceFileException(folder.resolve("group-chart.csv").toString(), null,
                    "exactly one account must have the role " + role + ", found " + accounts);
        }
        return accounts.get(0);
    }

    private static String value(CSVRecord row, String column) {
        String value = row.get(column);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("column " + column + " is empty");
        }
        return value.trim();
    }

    private static <T> List<T> rows(Path file, Function<CSVRecord, T> mapper) {
        List<T> result = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                        .setIgnoreEmptyLines(true).get().parse(reader)) {
            for (CSVRecord row : parser) {
                try {
                    result.add(mapper.apply(row));
                } catch (RuntimeException bad) {
                    throw new SourceFileException(file.toString(), "line " + (row.getRecordNumber() + 1),
                            bad.getMessage(), bad);
                }
            }
        } catch (IOException e) {
            throw new SourceFileException(file.toString(), null, "cannot read the file: " + e.getMessage(), e);
        }
        return result;
    }
}
