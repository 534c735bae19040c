package io.finbatch.readers.gl;

import io.finbatch.mappings.journal.LedgerLine;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample group of {@code examples/group}: its GL exports read with the reader are consistent with the
 * reference files, and the rules of its README, applied here a second time independently of
 * {@code tools/group-expected.py}, give the committed expected files to the cent.
 */
class SampleGroupTest {

    private static final Path GROUP = Path.of(System.getProperty("finbatch.projectRoot", ".."))
            .resolve("examples/group").toAbsolutePath().normalize();
    private static final String PERIOD = "2026-10";
    private static final LocalDate LAST_DAY = LocalDate.of(2026, 10, 31);
    private static final Instant CUTOFF = Instant.parse("2026-11-03T18:00:00Z");

    @Test
    void theExportsReadCleanlyAndAgreeWithTheReferenceFiles() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Map<String, String> entity : rows("entities.csv")) {
            String code = entity.get("entity");
            Map<String, String> mapping = mapping(code);
            Map<String, BigDecimal> entries = new TreeMap<>();
            List<LedgerLine> lines = ledger(code);
            for (LedgerLine line : lines) {
                assertThat(line.entity()).isEqualTo(code);
                assertThat(mapping).as("mapping of %s", line.account()).containsKey(line.account());
                String role = chart().get(mapping.get(line.account())).get("role");
                if (role.startsWith("IC_")) {
                    assertThat(line.counterpartyEntity()).as("counterparty of line %s", line.lineId()).isNotNull();
                }
                entries.merge(line.entryId(), line.balance(), BigDecimal::add);
            }
            assertThat(entries).as("unbalanced entries of %s", code).allSatisfy((id, sum) -> assertThat(sum).isZero());
            counts.put(code, lines.size());
        }
        assertThat(counts).containsExactly(Map.entry("ACME-DE", 167), Map.entry("ACME-NL", 142),
                Map.entry("ACME-US", 148));
    }

    @Test
    void theCutOffLeavesOutLateAndNovemberLines() {
        List<LedgerLine> us = ledger("ACME-US");
        List<String> excluded = us.stream().filter(l -> !l.countsAt(LAST_DAY, CUTOFF)).map(LedgerLine::entryId)
                .distinct().toList();
        assertThat(excluded).containsExactly("JE-2026-10-31-03", "JE-2026-10-31-04", "BILL-3360");
        assertThat(ledger("ACME-DE").stream().filter(l -> !l.countsAt(LAST_DAY, CUTOFF)).map(LedgerLine::entryId)
                .distinct()).containsExactly("ADJ-2026-10-001", "ADJ-2026-10-002", "ADJ-2026-10-003",
                        "INV/2026/01101", "BNK1/2026/00310");
    }

    @Test
    void theReadmeRulesGiveTheExpectedFiles() {
        Map<String, Map<String, String>> chart = chart();
        String reserve = only(chart, "TRANSLATION_RESERVE");
        String difference = only(chart, "IC_DIFFERENCE");
        Map<String, BigDecimal> totals = new TreeMap<>();
        List<List<String>> translation = new ArrayList<>();
        // (entity_a, entity_b, category) -> (entity, account) -> net, both sorted as rule 6 orders them
        Map<List<String>, Map<List<String>, BigDecimal>> ic = new TreeMap<>(SampleGroupTest::compareLists);
        for (Map<String, String> entity : rows("entities.csv")) {
            String code = entity.get("entity");
            Map<String, String> mapping = mapping(code);
            BigDecimal sum = BigDecimal.ZERO;
            for (LedgerLine line : ledger(code)) {
                if (!line.countsAt(LAST_DAY, CUTOFF)) {
                    continue;
                }
                String account = mapping.get(line.account());
                Map<String, String> group = chart.get(account);
                BigDecimal t = line.balance().multiply(rate(entity.get("currency"), group.get("class")))
                        .setScale(2, RoundingMode.HALF_EVEN);
                totals.merge(account, t, BigDecimal::add);
                sum = sum.add(t);
                String role = group.get("role");
                if (role.startsWith("IC_") && !role.equals("IC_DIFFERENCE")) {
                    String category = role.equals("IC_RECEIVABLE") || role.equals("IC_PAYABLE") ? "RECEIVABLE_PAYABLE"
                            : "REVENUE_EXPENSE";
                    List<String> pair = code.compareTo(line.counterpartyEntity()) < 0
                            ? List.of(code, line.counterpartyEntity(), category)
                            : List.of(line.counterpartyEntity(), code, category);
                    ic.computeIfAbsent(pair, k -> new TreeMap<>(SampleGroupTest::compareLists))
                            .merge(List.of(code, account), t, BigDecimal::add);
                }
            }
            translation.add(List.of(code, entity.get("currency"), reserve, debit(sum.negate()), credit(sum.negate())));
            totals.merge(reserve, sum.negate(), BigDecimal::add);
        }
        List<List<String>> eliminations = new ArrayList<>();
        ic.forEach((pair, balances) -> {
            BigDecimal left = BigDecimal.ZERO;
            for (Map.Entry<List<String>, BigDecimal> balance : balances.entrySet()) {
                left = left.add(balance.getValue());
                if (balance.getValue().signum() != 0) {
                    String account = balance.getKey().get(1);
                    eliminations.add(List.of(pair.get(0), pair.get(1), pair.get(2), balance.getKey().get(0), account,
                            debit(balance.getValue().negate()), credit(balance.getValue().negate())));
                    totals.merge(account, balance.getValue().negate(), BigDecimal::add);
                }
            }
            if (left.signum() != 0) {
                eliminations.add(List.of(pair.get(0), pair.get(1), pair.get(2), "", difference, debit(left), credit(left)));
                totals.merge(difference, left, BigDecimal::add);
            }
        });
        List<List<String>> tb = new ArrayList<>();
        chart.forEach((account, row) -> {
            BigDecimal net = totals.getOrDefault(account, BigDecimal.ZERO);
            tb.add(List.of(account, row.get("name"), debit(net), credit(net)));
        });

        assertThat(tb).containsExactlyElementsOf(values("expected/consolidated-tb-" + PERIOD + ".csv"));
        assertThat(eliminations).containsExactlyElementsOf(values("expected/eliminations-" + PERIOD + ".csv"));
        assertThat(translation).containsExactlyElementsOf(values("expected/translation-differences-" + PERIOD + ".csv"));
        BigDecimal debits = tb.stream().map(r -> new BigDecimal(r.get(2))).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal credits = tb.stream().map(r -> new BigDecimal(r.get(3))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(debits).isEqualByComparingTo("1646079.97").isEqualByComparingTo(credits);
        assertThat(tb).contains(List.of("9900", "Intercompany differences", "50.00", "0.00"));
    }

    private static BigDecimal rate(String currency, String accountClass) {
        String group = rows("group.csv").get(0).get("currency");
        if (currency.equals(group)) {
            return BigDecimal.ONE;
        }
        String type = switch (accountClass) {
            case "asset", "liability" -> "CLOSING";
            case "income", "expense" -> "AVERAGE";
            case "equity" -> "HISTORICAL";
            default -> throw new IllegalArgumentException(accountClass);
        };
        return rows("rates.csv").stream().filter(r -> r.get("period").equals(PERIOD)
                        && r.get("from_currency").equals(currency) && r.get("to_currency").equals(group)
                        && r.get("rate_type").equals(type))
                .map(r -> new BigDecimal(r.get("rate"))).findFirst().orElseThrow();
    }

    private static String debit(BigDecimal net) {
        return net.signum() > 0 ? net.setScale(2).toPlainString() : "0.00";
    }

    private static String credit(BigDecimal net) {
        return net.signum() < 0 ? net.negate().setScale(2).toPlainString() : "0.00";
    }

    private static String only(Map<String, Map<String, String>> chart, String role) {
        List<String> accounts = chart.entrySet().stream().filter(e -> e.getValue().get("role").equals(role))
                .map(Map.Entry::getKey).toList();
        assertThat(accounts).hasSize(1);
        return accounts.get(0);
    }

    private static int compareLists(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    static List<LedgerLine> ledger(String entity) {
        List<LedgerLine> lines = new ArrayList<>();
        try (GeneralLedgerCsvReader reader = new GeneralLedgerCsvReader(GROUP.resolve("gl/" + entity + "-" + PERIOD + ".csv"))) {
            LedgerLine line;
            while ((line = reader.next()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static Map<String, Map<String, String>> chart() {
        Map<String, Map<String, String>> chart = new LinkedHashMap<>();
        rows("group-chart.csv").forEach(r -> chart.put(r.get("account"), r));
        return chart;
    }

    private static Map<String, String> mapping(String entity) {
        Map<String, String> mapping = new LinkedHashMap<>();
        rows("account-mapping/" + entity + ".csv").forEach(r -> mapping.put(r.get("local_account"), r.get("group_account")));
        return mapping;
    }

    private static List<Map<String, String>> rows(String file) {
        return parse(file).stream().map(CSVRecord::toMap).toList();
    }

    private static List<List<String>> values(String file) {
        return parse(file).stream().map(CSVRecord::toList).toList();
    }

    private static List<CSVRecord> parse(String file) {
        try (Reader reader = Files.newBufferedReader(GROUP.resolve(file), StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
