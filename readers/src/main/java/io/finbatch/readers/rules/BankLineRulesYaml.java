package io.finbatch.readers.rules;

import io.finbatch.mappings.rules.BankAccount;
import io.finbatch.mappings.rules.BankLineRule;
import io.finbatch.mappings.rules.BankLineRules;
import io.finbatch.readers.SourceFileException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads bank-line mapping rules from reviewed YAML files (format in {@code mappings/rules/README.md}).
 * Every file is checked whole before anything is used: unknown keys, missing or empty required values,
 * bad regular expressions, unknown label fields, invalid IBANs, rule names used twice. The error names
 * the file, the line, the rule (number and name) or account, and the field.
 */
public final class BankLineRulesYaml {

    private BankLineRulesYaml() {
    }

    /** The rules of one file. */
    public static BankLineRules load(Path file) {
        return loadFiles(List.of(file));
    }

    /** The rules of every {@code *.yml} / {@code *.yaml} file of {@code directory}, in file-name order. */
    public static BankLineRules loadAll(Path directory) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(f -> Files.isRegularFile(f) && isYaml(f.getFileName().toString()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new SourceFileException(directory.toString(), null, "cannot list the folder: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new SourceFileException(directory.toString(), null, "no rule files (*.yml, *.yaml)");
        }
        return loadFiles(files);
    }

    /**
     * The rules of several files, tried in the order given: the rules of a file apply to the bank accounts
     * that file defines, so files of different accounts never steal each other's lines.
     */
    public static BankLineRules loadFiles(List<Path> files) {
        List<RulesFile> parsed = new ArrayList<>();
        for (Path file : files) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                parsed.add(new RulesFileParser(file.toString()).parse(reader));
            } catch (IOException e) {
                throw new SourceFileException(file.toString(), null, "cannot read the file: " + e.getMessage(), e);
            }
        }
        return combine(parsed);
    }

    /** The rules of one file's content; {@code fileName} is for messages. */
    public static BankLineRules read(Reader reader, String fileName) {
        return combine(List.of(new RulesFileParser(fileName).parse(reader)));
    }

    private static BankLineRules combine(List<RulesFile> files) {
        Map<String, String> accountFile = new HashMap<>();
        Map<String, String> ruleOrigin = new HashMap<>();
        List<BankAccount> accounts = new ArrayList<>();
        List<BankLineRule> rules = new ArrayList<>();
        for (RulesFile file : files) {
            for (BankAccount account : file.accounts()) {
                String earlier = accountFile.putIfAbsent(account.key(), file.name());
                if (earlier != null) {
                    throw new SourceFileException(file.name(), "account " + account.key(),
                            "the account is already defined in " + earlier);
                }
                accounts.add(account);
            }
            for (RulesFile.Located<BankLineRule> located : file.rules()) {
                BankLineRule rule = located.value();
                String earlier = ruleOrigin.putIfAbsent(rule.name(), rule.origin());
                if (earlier != null) {
                    throw new SourceFileException(file.name(), located.location() + ", field name",
                            "rule name '" + rule.name() + "' is already used by " + earlier);
                }
                rules.add(rule);
            }
        }
        return new BankLineRules(accounts, rules);
    }

    private static boolean isYaml(String name) {
        return name.endsWith(".yml") || name.endsWith(".yaml");
    }
}
