package io.finbatch.jobs.audit;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the action and target of a request for the audit log (also of refused requests). The console's
 * paths are the API's without the {@code /api} prefix, so both are named alike.
 */
public final class ApiActions {

    public record Action(String name, String target) {
    }

    private static final String PREFIX = "(?:/api)?";
    private static final Pattern EXECUTION = Pattern.compile(PREFIX + "/executions/([^/]+)/(restart|stop|abandon)");
    private static final Pattern EXCEPTION = Pattern.compile(PREFIX + "/exceptions/([^/]+)/([^/]+)/(requeue|dismiss)");
    private static final Pattern DOWNLOAD = Pattern.compile(PREFIX + "/extracts/([^/]+)/download");
    private static final Pattern CLOSE = Pattern.compile(PREFIX + "/close/([^/]+)");
    private static final Pattern LOCK = Pattern.compile(PREFIX + "/periods/([^/]+)/([^/]+)/lock");
    private static final Pattern SCHEDULE = Pattern.compile(PREFIX + "/schedules/([^/]+)/(pause|resume|run)");
    private static final Pattern STATEMENT_DROP = Pattern.compile(PREFIX + "/statements");
    private static final Pattern WEBHOOK_CREATE = Pattern.compile(PREFIX + "/webhooks");
    private static final Pattern WEBHOOK = Pattern.compile(PREFIX + "/webhooks/([^/]+)/(activate|deactivate)");
    private static final Pattern REDELIVER = Pattern.compile(PREFIX + "/webhooks/deliveries/([^/]+)/redeliver");

    private ApiActions() {
    }

    public static Action of(String method, String path) {
        Matcher m;
        if ((m = EXECUTION.matcher(path)).matches()) {
            return new Action("EXECUTION_" + upper(m.group(2)), "execution " + m.group(1));
        }
        if ((m = EXCEPTION.matcher(path)).matches()) {
            return new Action("EXCEPTION_" + upper(m.group(3)), upper(m.group(1)) + " exception " + m.group(2));
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
        if ((m = SCHEDULE.matcher(path)).matches()) {
            return new Action("SCHEDULE_" + upper(m.group(2)), "schedule " + m.group(1));
        }
        if ("POST".equals(method) && STATEMENT_DROP.matcher(path).matches()) {
            return new Action("STATEMENT_SUBMIT", null);
        }
        if ("POST".equals(method) && WEBHOOK_CREATE.matcher(path).matches()) {
            return new Action("WEBHOOK_CREATE", null);
        }
        if ((m = REDELIVER.matcher(path)).matches()) {
            return new Action("WEBHOOK_REDELIVER", "webhook_delivery " + m.group(1));
        }
        if ((m = WEBHOOK.matcher(path)).matches()) {
            return new Action("WEBHOOK_" + upper(m.group(2)), "webhook_subscription " + m.group(1));
        }
        return new Action(method + " " + path, null);
    }

    private static String upper(String text) {
        return text.toUpperCase(Locale.ROOT);
    }
}
