package io.finbatch.jobs.security;

/**
 * The API's roles. VIEWER reads; OPERATOR also restarts, stops and abandons executions; CONTROLLER also
 * downloads extracts, closes and locks periods; ADMIN may do everything. Segregation of duties: an OPERATOR
 * cannot download, close or lock, a CONTROLLER cannot restart, stop or abandon.
 */
public final class Roles {

    public static final String VIEWER = "VIEWER";
    public static final String OPERATOR = "OPERATOR";
    public static final String CONTROLLER = "CONTROLLER";
    public static final String ADMIN = "ADMIN";

    public static final String[] ALL = {VIEWER, OPERATOR, CONTROLLER, ADMIN};

    private Roles() {
    }
}
