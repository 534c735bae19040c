package io.finbatch.bench.crosscheck;

import io.finbatch.bench.crosscheck.FileFacts.StatementFacts;
import io.finbatch.bench.crosscheck.FileFacts.TypedBalance;
import io.finbatch.bench.run.ProwideLogging;
import io.finbatch.readers.StatementFormatException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Correctness cross-check on the public fixtures: every file our reader parses (camt, MT940, MT942) is also
 * given to Prowide (ISO 20022 for camt, Core for MT), and the two are compared on what both can tell:
 * number of statements, number of entries, lines (camt: one per {@code TxDtls}), signed sum of all entries,
 * and per statement the opening and closing balance our reader chose against Prowide's balance of the same
 * type code. Prints a Markdown table of every compared file and a summary.
 */
public final class CrossCheck {

    /** Expected-result and documentation files beside the statements: never statements themselves. */
    private static final Set<String> NOT_STATEMENTS = Set.of("json", "yml", "yaml", "md", "pydata", "zip", "py", "rb",
            "php", "xsd", "gz");

    private final Path root;

    public CrossCheck(Path root) {
        this.root = root;
    }

    public String run() throws IOException {
        ProwideLogging.quiet();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(f -> !NOT_STATEMENTS.contains(extension(f))).sorted()
                    .toList();
        }
        List<String> rows = new ArrayList<>();
        List<String> oursRejects = new ArrayList<>();
        List<String> prowideFails = new ArrayList<>();
        int notStatements = 0;
        int agree = 0;
        int disagree = 0;
        for (Path file : files) {
            String name = root.relativize(file).toString();
            FileFacts ours;
            try {
                ours = OurFacts.read(file);
            } catch (StatementFormatException e) {
                if (e.reason() != null && (e.reason().startsWith("not a bank statement") || e.reason().contains("empty"))) {
                    notStatements++;
                } else {
                    oursRejects.add(name + ": " + e.getMessage().replace(file.toString() + ": ", ""));
                }
                continue;
            } catch (RuntimeException e) {
                oursRejects.add(name + ": CRASH " + e);
                continue;
            }
            FileFacts prowide;
            try {
                prowide = prowide(file, ours.format());
            } catch (Exception | LinkageError e) {
                prowideFails.add(name + " (" + ours.format() + "): " + oneLine(e));
                continue;
            }
            if (prowide == null) {
                prowideFails.add(name + " (" + ours.format() + "): Prowide returned no message");
                continue;
            }
            Comparison comparison = compare(ours, prowide);
            if (comparison.problems.isEmpty()) {
                agree++;
            } else {
                disagree++;
            }
            rows.add(comparison.row(name, ours, prowide));
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "### Cross-check with Prowide: %d files under %s%n%n", files.size(), root));
        out.append(String.format(Locale.ROOT, "- not a statement for our format detection (skipped): %d%n", notStatements));
        out.append(String.format(Locale.ROOT, "- rejected by our reader (not compared): %d%n", oursRejects.size()));
        out.append(String.format(Locale.ROOT, "- parsed by our reader but not by Prowide: %d%n", prowideFails.size()));
        out.append(String.format(Locale.ROOT, "- compared: %d — agree on everything: %d, disagree somewhere: %d%n%n",
                agree + disagree, agree, disagree));
        out.append("| file | ours | statements ours/PW | entries ours/PW | lines ours/PW | sum ours / PW "
                + "| balances same | verdict |\n|---|---|---|---|---|---|---|---|\n");
        rows.forEach(out::append);
        out.append("\nParsed by our reader, not by Prowide:\n\n");
        prowideFails.forEach(f -> out.append("- ").append(f).append('\n'));
        out.append("\nRejected by our reader:\n\n");
        oursRejects.forEach(f -> out.append("- ").append(f).append('\n'));
        return out.toString();
    }

    private static FileFacts prowide(Path file, String format) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        if (format.startsWith("camt")) {
            String xml = new String(bytes, StandardCharsets.UTF_8);
            if (xml.startsWith("\uFEFF")) {
                xml = xml.substring(1);
            }
            return ProwideCamtFacts.read(xml);
        }
        return ProwideMtFacts.read(bytes, format.equals("mt942"));
    }

    private static final class Comparison {
        final List<String> problems = new ArrayList<>();
        int balancesCompared;
        int balancesSame;

        String row(String name, FileFacts ours, FileFacts prowide) {
            return String.format(Locale.ROOT, "| %s | %s | %d/%d | %d/%d | %d/%d | %s / %s | %d/%d | %s |%n",
                    name, ours.format(), ours.statements().size(), prowide.statements().size(), ours.entries(),
                    prowide.entries(), ours.lines(), prowide.lines(), ours.sum().toPlainString(),
                    prowide.sum().toPlainString(), balancesSame, balancesCompared,
                    problems.isEmpty() ? "agree" : String.join("; ", problems)
                            + (ours.note() == null ? "" : " (" + ours.note() + ")"));
        }
    }

    private static Comparison compare(FileFacts ours, FileFacts prowide) {
        Comparison c = new Comparison();
        if (ours.statements().size() != prowide.statements().size()) {
            c.problems.add("statements differ");
        }
        if (ours.entries() != prowide.entries()) {
            c.problems.add("entries differ");
        }
        if (ours.lines() != prowide.lines()) {
            c.problems.add("lines differ");
        }
        if (ours.sum().compareTo(prowide.sum()) != 0) {
            c.problems.add("sum differs");
        }
        if (ours.statements().size() == prowide.statements().size()) {
            for (int i = 0; i < ours.statements().size(); i++) {
                StatementFacts o = ours.statements().get(i);
                StatementFacts p = prowide.statements().get(i);
                balance(c, "opening", o.opening(), p.balances(), i + 1);
                balance(c, "closing", o.closing(), p.balances(), i + 1);
            }
        }
        return c;
    }

    private static void balance(Comparison c, String which, TypedBalance ours, List<TypedBalance> prowide, int statement) {
        if (ours == null) {
            return;
        }
        c.balancesCompared++;
        // a report may carry the same type twice (camt.052 ITBD before and after the entries): the opening is
        // the first of its type, the closing the last
        List<TypedBalance> ofType = prowide.stream().filter(b -> ours.type() != null && ours.type().equals(b.type()))
                .toList();
        TypedBalance same = ofType.isEmpty() ? null
                : which.equals("opening") ? ofType.get(0) : ofType.get(ofType.size() - 1);
        if (same == null) {
            c.problems.add("stmt " + statement + " " + which + " " + ours + ": Prowide has no " + ours.type());
        } else if (same.amount() == null || ours.amount() == null || same.amount().compareTo(ours.amount()) != 0) {
            c.problems.add("stmt " + statement + " " + which + " " + ours + " vs " + same);
        } else {
            c.balancesSame++;
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String oneLine(Throwable e) {
        String text = e.getClass().getSimpleName() + ": " + e.getMessage();
        text = text.replace('\n', ' ').replace('|', '/');
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
