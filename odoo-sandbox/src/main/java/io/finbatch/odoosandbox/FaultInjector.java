package io.finbatch.odoosandbox;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Faults the sandbox injects into its Odoo API answers ({@code /jsonrpc}, {@code /json/2/...}), to prove a client
 * copes: a fixed latency on every call; the next N requests answered with an HTTP status (503 with or without
 * {@code Retry-After}, 429, 502, 504...) and not executed; the next N committing calls executed and committed, then
 * the connection closed without an answer; the next N calls refused as unauthenticated (JSON-2: 401 as Odoo answers
 * a bad key; JSON-RPC: Odoo's AccessDenied error). Driven from Java or over HTTP with {@code POST /sandbox/faults}.
 */
public final class FaultInjector {

    private long latencyMillis;
    private int failCount;
    private int failStatus = 503;
    private Long retryAfterSeconds;
    private int dropAfterCommitCount;
    private int unauthorizedCount;

    /** A fixed delay before every API call is answered (0 to stop). */
    public synchronized FaultInjector latency(Duration latency) {
        this.latencyMillis = latency.toMillis();
        return this;
    }

    /** The next {@code count} requests are answered {@code status} (e.g. 503, 429, 502, 504) without being executed. */
    public synchronized FaultInjector failNext(int count, int status) {
        return failNext(count, status, null);
    }

    /** Same, with a {@code Retry-After} header (seconds) when {@code retryAfter} is not null. */
    public synchronized FaultInjector failNext(int count, int status, Duration retryAfter) {
        this.failCount = count;
        this.failStatus = status;
        this.retryAfterSeconds = retryAfter == null ? null : retryAfter.toSeconds();
        return this;
    }

    /** The next {@code count} committing calls (create, write, unlink, action_post...) commit, then the connection closes unanswered. */
    public synchronized FaultInjector dropAfterCommitNext(int count) {
        this.dropAfterCommitCount = count;
        return this;
    }

    /** The next {@code count} calls are refused as unauthenticated, as if the API key had been revoked. */
    public synchronized FaultInjector unauthorizedNext(int count) {
        this.unauthorizedCount = count;
        return this;
    }

    public synchronized void clear() {
        latencyMillis = 0;
        failCount = 0;
        failStatus = 503;
        retryAfterSeconds = null;
        dropAfterCommitCount = 0;
        unauthorizedCount = 0;
    }

    synchronized long latencyMillis() {
        return latencyMillis;
    }

    /** The status to fail this request with, or 0; counts it down. */
    synchronized int takeFailure() {
        if (failCount <= 0) {
            return 0;
        }
        failCount--;
        return failStatus;
    }

    synchronized Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    synchronized boolean takeUnauthorized() {
        if (unauthorizedCount <= 0) {
            return false;
        }
        unauthorizedCount--;
        return true;
    }

    synchronized boolean takeDropAfterCommit() {
        if (dropAfterCommitCount <= 0) {
            return false;
        }
        dropAfterCommitCount--;
        return true;
    }

    /** The pending faults, as {@code GET /sandbox/faults} shows them. */
    public synchronized Map<String, Object> state() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("latencyMillis", latencyMillis);
        out.put("failNext", failCount);
        out.put("failStatus", failStatus);
        out.put("retryAfterSeconds", retryAfterSeconds);
        out.put("dropAfterCommitNext", dropAfterCommitCount);
        out.put("unauthorizedNext", unauthorizedCount);
        return out;
    }

    /**
     * Applies a JSON body of {@code POST /sandbox/faults}: any of {@code clear} (true first clears everything),
     * {@code latencyMillis}, {@code failNext} with {@code failStatus} (default 503) and {@code retryAfterSeconds},
     * {@code dropAfterCommitNext}, {@code unauthorizedNext}.
     */
    synchronized void apply(Map<String, Object> body) {
        if (Boolean.TRUE.equals(body.get("clear"))) {
            clear();
        }
        if (body.get("latencyMillis") instanceof Number n) {
            latencyMillis = n.longValue();
        }
        if (body.get("failNext") instanceof Number n) {
            failCount = n.intValue();
            failStatus = body.get("failStatus") instanceof Number s ? s.intValue() : 503;
            retryAfterSeconds = body.get("retryAfterSeconds") instanceof Number r ? r.longValue() : null;
        }
        if (body.get("dropAfterCommitNext") instanceof Number n) {
            dropAfterCommitCount = n.intValue();
        }
        if (body.get("unauthorizedNext") instanceof Number n) {
            unauthorizedCount = n.intValue();
        }
    }
}
