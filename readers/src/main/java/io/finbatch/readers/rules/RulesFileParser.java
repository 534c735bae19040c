package io.finbatch.readers.rules;

import io.finbatch.mappings.money.CurrencyUnits;
import io.finbatch.mappings.money.Iban;
import io.finbatch.mappings.rules.BankAccount;
import io.finbatch.mappings.rules.BankLineMatch;
import io.finbatch.mappings.rules.BankLineRule;
import io.finbatch.mappings.rules.BankLineTarget;
import io.finbatch.mappings.rules.LabelTemplate;
import io.finbatch.mappings.rules.Sign;
import io.finbatch.readers.SourceFileException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads one rules file through SnakeYAML's node tree rather than plain maps, so that every error can say
 * on which line it is, and so that values stay text ({@code 0100} is an account, not the number 64).
 */
final class RulesFileParser {

    private static final Set<String> TOP = Set.of("description", "accounts", "rules");
    private static final Set<String> ACCOUNT = Set.of("description", "entity", "ledger_account", "currency");
    private static final Set<String> RULE = Set.of("name", "description", "match", "target");
    private static final Set<String> MATCH = Set.of("account", "sign", "reversal", "transaction_code",
            "counterparty_name", "counterparty_iban", "remittance", "reference");
    private static final Set<String> CODE = Set.of("domain", "family", "sub_family", "proprietary", "swift");
    private static final Set<String> TARGET = Set.of("account", "partner", "analytic", "label");

    private final String fileName;

    RulesFileParser(String fileName) {
        this.fileName = fileName;
    }

    RulesFile parse(Reader reader) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
        } catch (MarkedYAMLException e) {
            String where = e.getProblemMark() == null ? null : "line " + (e.getProblemMark().getLine() + 1);
            throw new SourceFileException(fileName, where, "not valid YAML: " + e.getProblem(), e);
        } catch (YAMLException e) {
            throw new SourceFileException(fileName, null, "not valid YAML: " + e.getMessage(), e);
        }
        if (root == null) {
            throw new SourceFileException(fileName, null, "the file is empty");
        }
        Fields top = new Fields(root, "top level", "", TOP);
        Fields accountsNode = top.mapping("accounts", null);
        if (accountsNode == null) {
            throw top.missing("accounts", "is missing: the file must define the bank accounts its rules are for");
        }
        List<BankAccount> accounts = accounts(accountsNode);
        Set<String> keys = new LinkedHashSet<>();
        accounts.forEach(a -> keys.add(a.key()));
        List<RulesFile.Located<BankLineRule>> rules = new ArrayList<>();
        List<Node> ruleNodes = top.sequence("rules");
        if (ruleNodes == null) {
            throw top.missing("rules", "is missing");
        }
        for (int i = 0; i < ruleNodes.size(); i++) {
            rules.add(rule(ruleNodes.get(i), i + 1, keys));
        }
        return new RulesFile(fileName, accounts, rules);
    }

    private List<BankAccount> accounts(Fields node) {
        List<BankAccount> accounts = new ArrayList<>();
        for (Map.Entry<String, NodeTuple> entry : node.entries.entrySet()) {
            String key = accountKey(entry.getKey(), entry.getValue().getKeyNode(), "top level", "accounts");
            Fields account = new Fields(entry.getValue().getValueNode(), "account " + key, "accounts." + key + ".",
                    ACCOUNT);
            String currency = account.text("currency");
            if (currency != null && !CurrencyUnits.isIsoCode(currency)) {
                throw account.error("currency", "'" + currency + "' is not an ISO 4217 currency code");
            }
            accounts.add(new BankAccount(key, account.required("entity"), account.required("ledger_account"), currency));
        }
        if (accounts.isEmpty()) {
            throw node.missing(null, "defines no bank account");
        }
        return accounts;
    }

    /** An IBAN written with spaces or in lower case is normalised; one with wrong check digits is refused. */
    private String accountKey(String text, Node node, String where, String field) {
        String key = Iban.looksLikeIban(text) ? Iban.normalize(text) : text.trim();
        if (Iban.looksLikeIban(key) && !Iban.isValid(key)) {
            throw failure(node, where, field, "'" + text + "' is not a valid IBAN (check digits)");
        }
        return key;
    }

    private RulesFile.Located<BankLineRule> rule(Node node, int index, Set<String> fileAccounts) {
        // the name first, so that every other error of the rule can name it
        String name = new Fields(node, "rule " + index, "", null).required("name");
        String where = "rule " + index + " (" + name + ")";
        Fields rule = new Fields(node, where, "", RULE);
        String line = "line " + (node.getStartMark().getLine() + 1);
        BankLineMatch match = match(rule.mapping("match", MATCH), fileAccounts);
        Fields targetNode = rule.mapping("target", TARGET);
        if (targetNode == null) {
            throw rule.missing("target", "is missing: a rule needs a target account");
        }
        BankLineTarget target = new BankLineTarget(targetNode.required("account"),
                targetNode.template("partner"), targetNode.text("analytic"), targetNode.template("label"));
        String origin = where + " of " + fileName + " (" + line + ")";
        return new RulesFile.Located<>(new BankLineRule(name, origin, match, target), line + ", " + where);
    }

    private BankLineMatch match(Fields match, Set<String> fileAccounts) {
        BankLineMatch.Builder builder = new BankLineMatch.Builder().accounts(fileAccounts);
        if (match == null) {
            return builder.build();
        }
        String account = match.text("account");
        if (account != null) {
            String key = accountKey(account, match.node("account"), match.where, match.prefix + "account");
            if (!fileAccounts.contains(key)) {
                throw match.error("account", "'" + account + "' is not one of the accounts this file defines: "
                        + String.join(", ", fileAccounts));
            }
            builder.accounts(key);
        }
        builder.sign(sign(match)).reversal(reversal(match))
                .counterpartyName(match.regex("counterparty_name")).counterpartyIban(match.regex("counterparty_iban"))
                .remittance(match.regex("remittance")).reference(match.regex("reference"));
        Fields code = match.mapping("transaction_code", CODE);
        if (code != null) {
            builder.domains(code.texts("domain")).families(code.texts("family")).subFamilies(code.texts("sub_family"))
                    .proprietaryCodes(code.texts("proprietary")).swiftCodes(code.texts("swift"));
        }
        return builder.build();
    }

    private static Sign sign(Fields match) {
        String text = match.text("sign");
        if (text == null) {
            return null;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "credit" -> Sign.CREDIT;
            case "debit" -> Sign.DEBIT;
            default -> throw match.error("sign", "'" + text + "' is neither credit (money in) nor debit (money out)");
        };
    }

    private static Boolean reversal(Fields match) {
        String text = match.text("reversal");
        if (text == null) {
            return null;
        }
        return switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw match.error("reversal", "'" + text + "' is neither true nor false");
        };
    }

    private SourceFileException failure(Node node, String where, String field, String reason) {
        String location = (node == null ? "" : "line " + (node.getStartMark().getLine() + 1) + ", ") + where
                + (field == null || field.isEmpty() ? "" : ", field " + field);
        return new SourceFileException(fileName, location, reason);
    }

    /** The keys of one YAML mapping, checked against the keys it may have. */
    private final class Fields {
        final Node mapping;
        final String where;
        final String prefix;
        final Map<String, NodeTuple> entries = new LinkedHashMap<>();

        Fields(Node node, String where, String prefix, Set<String> allowed) {
            this.mapping = node;
            this.where = where;
            this.prefix = prefix;
            if (!(node instanceof MappingNode map)) {
                throw failure(node, where, prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 1),
                        "must be a mapping of keys to values");
            }
            for (NodeTuple tuple : map.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                    throw failure(tuple.getKeyNode(), where, prefix, "a key must be plain text");
                }
                String name = key.getValue();
                if (allowed != null && !allowed.contains(name)) {
                    throw failure(key, where, prefix + name, "unknown key; allowed here: "
                            + String.join(", ", allowed.stream().sorted().toList()));
                }
                if (entries.put(name, tuple) != null) {
                    throw failure(key, where, prefix + name, "the key is given twice");
                }
            }
        }

        /** The value node of {@code key}; null when absent or written as null. */
        Node node(String key) {
            NodeTuple tuple = entries.get(key);
            if (tuple == null || Tag.NULL.equals(tuple.getValueNode().getTag())) {
                return null;
            }
            return tuple.getValueNode();
        }

        String text(String key) {
            Node node = node(key);
            if (node == null) {
                return null;
            }
            if (!(node instanceof ScalarNode scalar)) {
                throw failure(node, where, prefix + key, "must be a single value");
            }
            String value = scalar.getValue().trim();
            return value.isEmpty() ? null : value;
        }

        String required(String key) {
            String value = text(key);
            if (value == null) {
                throw entries.containsKey(key) ? failure(entries.get(key).getKeyNode(), where, prefix + key, "is empty")
                        : missing(key, "is missing");
            }
            return value;
        }

        /** A single value or a list of values; null when absent. */
        Set<String> texts(String key) {
            Node node = node(key);
            if (node == null) {
                return null;
            }
            if (node instanceof ScalarNode) {
                return Set.of(text(key));
            }
            if (!(node instanceof SequenceNode sequence)) {
                throw failure(node, where, prefix + key, "must be a value or a list of values");
            }
            Set<String> values = new LinkedHashSet<>();
            for (Node item : sequence.getValue()) {
                if (!(item instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
                    throw failure(item, where, prefix + key, "list items must be non-empty single values");
                }
                values.add(scalar.getValue().trim());
            }
            if (values.isEmpty()) {
                throw failure(node, where, prefix + key, "is an empty list");
            }
            return values;
        }

        Fields mapping(String key, Set<String> allowed) {
            Node node = node(key);
            return node == null ? null : new Fields(node, where, prefix + key + ".", allowed);
        }

        List<Node> sequence(String key) {
            Node node = node(key);
            if (node == null) {
                return null;
            }
            if (!(node instanceof SequenceNode sequence)) {
                throw failure(node, where, prefix + key, "must be a list");
            }
            return sequence.getValue();
        }

        Pattern regex(String key) {
            String text = text(key);
            if (text == null) {
                return null;
            }
            try {
                return Pattern.compile(text);
            } catch (PatternSyntaxException e) {
                String place = e.getIndex() < 0 ? "" : e.getIndex() >= text.length() ? " at the end"
                        : " near position " + (e.getIndex() + 1);
                throw failure(node(key), where, prefix + key, "'" + text + "' is not a valid regular expression: "
                        + e.getDescription() + place);
            }
        }

        LabelTemplate template(String key) {
            String text = text(key);
            if (text == null) {
                return null;
            }
            try {
                return LabelTemplate.parse(text);
            } catch (IllegalArgumentException e) {
                throw failure(node(key), where, prefix + key, "'" + text + "': " + e.getMessage());
            }
        }

        SourceFileException missing(String key, String reason) {
            return failure(mapping, where, key == null ? prefix.replaceAll("\\.$", "") : prefix + key, reason);
        }

        SourceFileException error(String key, String reason) {
            Node node = node(key);
            return failure(node == null ? mapping : node, where, prefix + key, reason);
        }
    }
}
