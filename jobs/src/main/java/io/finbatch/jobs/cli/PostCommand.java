package io.finbatch.jobs.cli;

import io.finbatch.jobs.odooposting.OdooConnection;
import io.finbatch.jobs.odooposting.OdooPostingService;
import io.finbatch.jobs.odooposting.PostingKinds;
import io.finbatch.jobs.odooposting.PostingRunResult;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code post [--kind statements|entries]}: sends what is staged to Odoo and prints what happened. */
@Command(name = "post", description = "Post staged statement lines and journal entries to Odoo.")
public class PostCommand implements Callable<Integer> {

    @Option(names = "--kind", description = "statements, entries, or both when omitted")
    String kind;

    @Option(names = "--partitioned", description = "one partition per journal, on this node's threads or, with"
            + " finbatch.mode=manager, on the worker nodes")
    boolean partitioned;

    @Override
    public Integer call() {
        List<String> kinds = kind == null ? List.of(PostingKinds.STATEMENTS, PostingKinds.ENTRIES) : List.of(kind);
        boolean allGood = true;
        try (ConfigurableApplicationContext context = SpringContexts.start()) {
            OdooPostingService posting = context.getBean(OdooPostingService.class);
            System.out.println("posting to " + context.getBean(OdooConnection.class).describe());
            System.out.printf("%-11s %-10s %9s %7s %8s %8s %10s%n", "KIND", "STATUS", "EXECUTION", "POSTED",
                    "PRESENT", "SKIPPED", "REDATED");
            for (String k : kinds) {
                PostingRunResult result = partitioned ? posting.postPartitioned(k) : posting.post(k);
                System.out.printf("%-11s %-10s %9d %7d %8d %8d %10d%n", k, result.status(), result.executionId(),
                        result.posted(), result.alreadyPresent(), result.skipped(), result.dateMoved());
                if (result.message() != null) {
                    System.out.println("    " + result.message());
                }
                allGood &= result.status().equals("COMPLETED");
            }
        }
        return allGood ? 0 : 3;
    }
}
