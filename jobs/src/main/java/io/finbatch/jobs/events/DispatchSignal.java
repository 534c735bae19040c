package io.finbatch.jobs.events;

import org.springframework.stereotype.Component;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Wakes the dispatcher when an event was committed, so that it need not wait for its next poll. */
@Component
public class DispatchSignal {

    private final Semaphore signal = new Semaphore(0);

    void eventCommitted() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    /** Waits for a committed event or the timeout; true when woken by an event. */
    boolean await(long millis) throws InterruptedException {
        boolean woken = signal.tryAcquire(millis, TimeUnit.MILLISECONDS);
        signal.drainPermits();
        return woken;
    }
}
