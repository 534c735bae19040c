package io.finbatch.jobs.cli;

import io.finbatch.jobs.security.ApiTokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/**
 * {@code token NAME}: makes a new API token for a machine client. The token is printed once, for the client;
 * the configuration keeps only its SHA-256.
 */
@Command(name = "token", description = "Make an API token for a machine client (prints the token and the"
        + " configuration lines with its SHA-256).")
public class TokenCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "the client's name (the audit log shows token:NAME)")
    String name;

    @Option(names = "--role", defaultValue = "VIEWER",
            description = "VIEWER, OPERATOR, CONTROLLER, ADMIN or SUBMITTER (default ${DEFAULT-VALUE})")
    String role;

    @Override
    public Integer call() {
        if (!name.matches("[A-Za-z0-9._-]{1,60}")) {
            System.err.println("token name: letters, digits, '.', '_' and '-' only (at most 60)");
            return 2;
        }
        String token = ApiTokens.newToken();
        System.out.println("token (give it to the client; it is not stored and cannot be shown again):");
        System.out.println("  " + token);
        System.out.println("configuration (application.yml or FINBATCH_SECURITY_TOKENS_<i>_* variables):");
        System.out.println("  finbatch.security.tokens[<i>].name=" + name);
        System.out.println("  finbatch.security.tokens[<i>].sha256=" + ApiTokens.sha256Hex(token));
        System.out.println("  finbatch.security.tokens[<i>].roles=" + role.toUpperCase(java.util.Locale.ROOT));
        System.out.println("the client sends: Authorization: Bearer <token>");
        return 0;
    }
}
