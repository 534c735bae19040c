package io.finbatch.jobs.audit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names the action and target of an API request, for the audit log (also for refused requests). */
public final class ApiActions {

    public record Action(String name, String target) {
    }

    private static final Pattern EXECUTION = Pattern.compile("/api/executions/([^/]+)/(restart|stop|abandon)");
    private static final Pattern DOWNLOAD = Pattern.compile("/api/extracts/([^/]+)/download");
    private static final Pattern CLOSE = Pattern.compile("/api/close/([^/]+)");
    private static final Pattern LOCK = Pattern.compile("/api/periods/([^/]+)/([^/]+)/lock");

    private ApiActions() {
    }

    public static Action of(String method, String path) {
        Matcher m;
        if ((m = EXECUTION.matcher(path)).matches()) {
            return new Action("EXECUTION_" + m.group(2).toUpperCase(java.util.Locale.ROOT), "execution " + m.group(1));
        }
        if ((m = DOWNLOAD.matcher(path)).matches()) {
            return new Action("EXTRACT_DOWNLOAD", "extract_file " + m.group(1));
        }
        if ((m = CLOSE.matcher(path)).matches()) {
            return new Action("PERIOD_CLOSE", "period " + m.group(1));
        }
        if ((m = LOCK.matcher(path)).matches()) {
            return new Action("PERIOD_LOCK", "period " + m.group(1) + " " + m.group(2));
        }
        return new Action(method + " " + path, null);
    }
}
