package io.finbatch.jobs.execution;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.HashMap;
import java.util.Map;

/**
 * Keeps a chunk step's execution context at what the last committed chunk left, when a chunk's transaction does
 * not commit. The readers save their position into the context before the commit; when the commit fails, or the
 * database drops the connection so that even the rollback fails, the step still writes its context to the
 * repository on its way out, and a restart would resume after rows that were never committed: lost lines. This
 * stream, updated after the others, remembers the context of every commit and puts it back on any other outcome.
 */
final class CommittedContextGuard implements ItemStream {

    private final Map<ExecutionContext, Map<String, Object>> committed = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public void open(ExecutionContext context) {
        committed.put(context, copy(context));
    }

    @Override
    public void update(ExecutionContext context) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            committed.put(context, copy(context));
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    committed.put(context, copy(context));
                } else {
                    restore(context, committed.getOrDefault(context, Map.of()));
                }
            }
        });
    }

    @Override
    public void close() {
        committed.clear();
    }

    private static Map<String, Object> copy(ExecutionContext context) {
        Map<String, Object> values = new HashMap<>();
        context.entrySet().forEach(e -> values.put(e.getKey(), e.getValue()));
        return values;
    }

    private static void restore(ExecutionContext context, Map<String, Object> values) {
        for (String key : context.entrySet().stream().map(Map.Entry::getKey).toList()) {
            if (!values.containsKey(key)) {
                context.remove(key);
            }
        }
        values.forEach(context::put);
    }
}
