package io.finbatch.jobs.cli;

import io.finbatch.jobs.scaleout.PartitionedImportService;
import io.finbatch.jobs.statementimport.ImportResult;
import io.finbatch.jobs.statementimport.Inbox;
import io.finbatch.jobs.statementimport.StatementImportService;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code import FILE... | --inbox DIR}: runs {@code statementImport} once per file and prints, per file,
 * the format, statements, lines imported, duplicates, skipped entries, status and job execution id.
 * Exit status 0 when every file was imported or already imported, 3 when any was rejected or failed.
 */
@Command(name = "import", description = "Import bank statement files into the staging database.")
public class ImportCommand implements Callable<Integer> {

    static final int SOME_NOT_IMPORTED = 3;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--partitioned", description = "with --inbox: one partition per file, on this node's threads"
            + " (finbatch.partitions.threads) or, with finbatch.mode=manager, on the worker nodes")
    boolean partitioned;

    static class Source {
        @Parameters(paramLabel = "FILE", arity = "1..*", description = "statement files")
        List<Path> files;

        @Option(names = "--inbox", paramLabel = "DIR", description = "import every file of this folder, by name")
        Path inbox;
    }

    @Override
    public Integer call() {
        if (partitioned) {
            return partitioned();
        }
        List<Path> files = source.files != null ? source.files : Inbox.files(source.inbox);
        PrintStream out = System.out;
        if (files.isEmpty()) {
            out.println("no file to import in " + source.inbox);
            return 0;
        }
        boolean allGood = true;
        try (ConfigurableApplicationContext context = SpringContexts.start()) {
            StatementImportService imports = context.getBean(StatementImportService.class);
            out.printf("%-40s %-16s %5s %8s %10s %7s  %-16s %9s%n", "FILE", "FORMAT", "STMTS", "IMPORTED",
                    "DUPLICATES", "SKIPPED", "STATUS", "EXECUTION");
            for (Path file : files) {
                ImportResult result;
                try {
                    result = imports.importFile(file);
                } catch (RuntimeException e) {
                    result = new ImportResult(file.toString(), null, 0, 0, 0, 0, "ERROR", 0, e.getMessage());
                }
                out.printf("%-40s %-16s %5d %8d %10d %7d  %-16s %9d%n", abbreviate(file.getFileName().toString()),
                        result.format() == null ? "-" : result.format(), result.statements(), result.linesImported(),
                        result.duplicates(), result.skipped(), result.status(), result.executionId());
                if (result.message() != null) {
                    out.println("    " + result.message());
                }
                allGood &= result.status().equals("IMPORTED") || result.status().equals("ALREADY_IMPORTED");
            }
        }
        return allGood ? 0 : SOME_NOT_IMPORTED;
    }

    private int partitioned() {
        if (source.inbox == null) {
            System.err.println("--partitioned needs --inbox DIR");
            return 2;
        }
        try (ConfigurableApplicationContext context = SpringContexts.start()) {
            PartitionedImportService.Result result = context.getBean(PartitionedImportService.class)
                    .importInbox(source.inbox);
            System.out.printf("execution %d: %s, %d file(s): %d completed, %d failed, %d line(s) imported%n",
                    result.executionId(), result.status(), result.files(), result.completed(), result.failed(),
                    result.lines());
            if (result.message() != null) {
                System.out.println("    " + result.message());
            }
            return result.status().equals("COMPLETED") ? 0 : SOME_NOT_IMPORTED;
        }
    }


    private static String abbreviate(String name) {
        return name.length() <= 40 ? name : name.substring(0, 37) + "...";
    }
}
