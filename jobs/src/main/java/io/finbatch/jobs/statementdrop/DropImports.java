package io.finbatch.jobs.statementdrop;

import io.finbatch.jobs.statementimport.ImportResult;
import io.finbatch.jobs.statementimport.StatementImportService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Imports received files in the background, at most {@code finbatch.drop.concurrent-imports} at once (the
 * others wait in the queue, their drop QUEUED), through the same {@link StatementImportService} as the command
 * line.
 */
@Component
class DropImports implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DropImports.class);

    private final StatementDropRepository drops;
    private final StatementImportService imports;
    private final ThreadPoolExecutor threads;

    DropImports(StatementDropRepository drops, StatementImportService imports, DropProperties properties) {
        this.drops = drops;
        this.imports = imports;
        int n = properties.concurrentImports();
        this.threads = new ThreadPoolExecutor(n, n, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "statement-drop-import");
            t.setDaemon(false);
            return t;
        });
        this.threads.allowCoreThreadTimeOut(true);
    }

    void submit(long dropId) {
        threads.execute(() -> run(dropId));
    }

    private void run(long dropId) {
        if (!drops.take(dropId)) {
            return;
        }
        StatementDropRepository.Drop drop = drops.byId(dropId).orElseThrow();
        try {
            ImportResult result = imports.importFile(Path.of(drop.storedPath()));
            drops.finish(dropId, result.status(), result.executionId() == 0 ? null : result.executionId(),
                    result.message());
            log.info("dropped file {}: {} (job execution {})", dropId, result.status(), result.executionId());
        } catch (RuntimeException e) {
            drops.finish(dropId, "ERROR", null, e.getMessage());
            log.error("dropped file {} could not be imported: {}", dropId, e.getMessage());
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        threads.shutdown();
        threads.awaitTermination(30, TimeUnit.SECONDS);
    }
}
