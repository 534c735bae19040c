package io.finbatch.jobs.statementdrop;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code finbatch.drop.*}: statement files received through {@code POST /api/statements} and the watched folder.
 *
 * @param maxSize           a larger upload is refused with 413
 * @param concurrentImports imports of received files running at once; more wait in a queue
 * @param watch             the watched inbox folder
 */
@ConfigurationProperties("finbatch.drop")
public record DropProperties(DataSize maxSize, int concurrentImports, Watch watch) {

    public DropProperties {
        maxSize = maxSize == null ? DataSize.ofMegabytes(50) : maxSize;
        concurrentImports = concurrentImports <= 0 ? 2 : concurrentImports;
        watch = watch == null ? new Watch(false, null, null, null) : watch;
    }

    /**
     * @param enabled      off by default; when on, only {@code serve} watches
     * @param dir          the folder (the inbox when not set)
     * @param ready        {@code stable-size}: a file is complete when its size and time stayed the same over two
     *                     polls; {@code done-marker}: when a file {@code NAME.done} stands beside it
     * @param pollInterval how often the folder is looked at
     */
    public record Watch(boolean enabled, Path dir, String ready, Duration pollInterval) {

        public Watch {
            dir = dir == null || dir.toString().isBlank() ? null : dir;
            ready = ready == null || ready.isBlank() ? "stable-size" : ready.trim().toLowerCase(Locale.ROOT);
            if (!ready.equals("stable-size") && !ready.equals("done-marker")) {
                throw new IllegalArgumentException("finbatch.drop.watch.ready is stable-size or done-marker, not "
                        + ready);
            }
            pollInterval = pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()
                    ? Duration.ofSeconds(10) : pollInterval;
        }

        public boolean doneMarker() {
            return ready.equals("done-marker");
        }
    }
}
