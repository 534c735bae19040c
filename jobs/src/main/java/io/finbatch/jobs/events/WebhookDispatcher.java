package io.finbatch.jobs.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Sends due webhook deliveries, in {@code serve} only: a thread polls the committed outbox (and is woken after a
 * commit that wrote an event), claims each due delivery and posts it, signed, on a few sender threads. A 2xx
 * answer delivers it; anything else (or no answer) is retried with a doubling wait until the retry window is
 * over, then it is dead-lettered. Receivers de-duplicate by {@code X-FinBatch-Event-Id}: an answer lost on the
 * way back means the event is sent again.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "finbatch.webhooks.dispatch", havingValue = "true", matchIfMissing = true)
public class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookDeliveries deliveries;
    private final WebhookProperties properties;
    private final WebhookMetrics metrics;
    private final DispatchSignal signal;
    private final Clock clock;
    private final HttpClient http;
    private volatile ExecutorService senders;
    private volatile Thread poller;
    private volatile boolean running;

    public WebhookDispatcher(WebhookDeliveries deliveries, WebhookProperties properties, WebhookMetrics metrics,
            DispatchSignal signal, Clock clock) {
        this.deliveries = deliveries;
        this.properties = properties;
        this.metrics = metrics;
        this.signal = signal;
        this.clock = clock;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        senders = Executors.newFixedThreadPool(properties.concurrency(), r -> {
            Thread t = new Thread(r, "webhook-sender");
            t.setDaemon(true);
            return t;
        });
        poller = new Thread(this::pollUntilStopped, "webhook-dispatcher");
        poller.setDaemon(true);
        poller.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (poller != null) {
            poller.interrupt();
        }
        if (senders != null) {
            senders.shutdown();
            try {
                senders.awaitTermination(properties.requestTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void pollUntilStopped() {
        while (running) {
            try {
                int sent = dispatchDue();
                if (sent == 0) {
                    signal.await(properties.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("webhook dispatch round failed: {}", e.getMessage());
                try {
                    Thread.sleep(properties.pollInterval().toMillis());
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /** One round: claims the due deliveries and sends them; returns how many were attempted. */
    int dispatchDue() throws InterruptedException {
        Instant leaseEnd = Instant.now(clock).plus(properties.requestTimeout()).plus(properties.connectTimeout())
                .plusSeconds(30);
        List<Future<?>> attempts = new ArrayList<>();
        for (WebhookDeliveries.Due due : deliveries.due(properties.batchSize())) {
            if (deliveries.claim(due, leaseEnd)) {
                attempts.add(senders.submit(() -> attempt(due)));
            }
        }
        for (Future<?> attempt : attempts) {
            try {
                attempt.get();
            } catch (java.util.concurrent.ExecutionException e) {
                log.warn("webhook {} could not be recorded: {}", attempt, e.getCause().getMessage());
            }
        }
        return attempts.size();
    }

    private void attempt(WebhookDeliveries.Due due) {
        Integer status = null;
        String error;
        try {
            long t = Instant.now(clock).getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(URI.create(due.url()))
                    .timeout(properties.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "finance-batch-webhooks")
                    .header(WebhookSignature.EVENT_ID_HEADER, due.eventId())
                    .header(WebhookSignature.EVENT_TYPE_HEADER, due.eventType())
                    .header(WebhookSignature.HEADER, WebhookSignature.header(due.secret(), t, due.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(due.payload(), StandardCharsets.UTF_8))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status / 100 == 2) {
                deliveries.delivered(due.id(), status);
                metrics.sent();
                return;
            }
            error = "HTTP " + status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        Instant now = Instant.now(clock);
        Instant next = now.plus(properties.backoffAfter(due.attempts() + 1));
        if (Duration.between(due.retrySince().toInstant(), next).compareTo(properties.giveUpAfter()) > 0) {
            deliveries.deadLetter(due.id(), status, error);
            metrics.deadLettered();
            log.warn("webhook delivery {} (event {} {}) dead-lettered after {} attempts: {}", due.id(), due.eventType(),
                    due.eventId(), due.attempts() + 1, error);
        } else {
            deliveries.retryLater(due.id(), status, error, next);
            metrics.failed();
            log.info("webhook delivery {} (event {} {}) failed ({}); next attempt at {}", due.id(), due.eventType(),
                    due.eventId(), error, next);
        }
    }
}
