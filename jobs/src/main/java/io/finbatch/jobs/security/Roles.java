package io.finbatch.jobs.security;

import java.util.List;
import java.util.Locale;

/**
 * The roles. VIEWER reads; OPERATOR also restarts, stops and abandons executions and re-queues or dismisses
 * exceptions; CONTROLLER also downloads extracts, closes and locks periods; ADMIN may do everything, and alone
 * manages schedules and sees the users. Segregation of duties: an OPERATOR cannot download, close or lock, a
 * CONTROLLER cannot restart, stop or abandon. SUBMITTER is for machine clients that drop statement files
 * ({@code POST /api/statements}) and follow their import; it reads nothing else.
 */
public final class Roles {

    public static final String VIEWER = "VIEWER";
    public static final String OPERATOR = "OPERATOR";
    public static final String CONTROLLER = "CONTROLLER";
    public static final String ADMIN = "ADMIN";
    public static final String SUBMITTER = "SUBMITTER";

    /** The roles that read the console and the API. */
    public static final String[] ALL = {VIEWER, OPERATOR, CONTROLLER, ADMIN};
    /** Every role a user or token may have. */
    public static final String[] KNOWN = {VIEWER, OPERATOR, CONTROLLER, ADMIN, SUBMITTER};

    private Roles() {
    }

    /** The roles of a configured user or token, upper case; an unknown role stops the start with the reason. */
    static List<String> checked(String what, String name, List<String> roles) {
        List<String> upper = roles.stream().map(r -> r.trim().toUpperCase(Locale.ROOT)).filter(r -> !r.isEmpty())
                .toList();
        for (String role : upper) {
            if (!List.of(KNOWN).contains(role)) {
                throw new IllegalStateException("finbatch.security." + what + ": '" + name + "' has unknown role "
                        + role + " (known: " + String.join(", ", KNOWN) + ")");
            }
        }
        return upper;
    }
}
