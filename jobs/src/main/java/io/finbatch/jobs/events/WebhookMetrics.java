package io.finbatch.jobs.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * Webhook metrics (Prometheus names in brackets): attempts by outcome ({@code finbatch_webhook_deliveries_total}
 * with {@code outcome} = {@code sent}, {@code failed} (an attempt to be retried), {@code dead_lettered}), and the
 * age of the oldest undelivered event ({@code finbatch_webhook_oldest_undelivered_age_seconds}, cached).
 */
@Component
public class WebhookMetrics implements MeterBinder {

    private final UndeliveredEventAge oldest;
    private volatile Counter sent;
    private volatile Counter failed;
    private volatile Counter deadLettered;

    public WebhookMetrics(UndeliveredEventAge oldest) {
        this.oldest = oldest;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        sent = counter(registry, "sent");
        failed = counter(registry, "failed");
        deadLettered = counter(registry, "dead_lettered");
        Gauge.builder("finbatch.webhook.oldest.undelivered.age", oldest, UndeliveredEventAge::seconds)
                .description("Age of the oldest event with a PENDING webhook delivery (0 when none)")
                .baseUnit("seconds").register(registry);
    }

    void sent() {
        increment(sent);
    }

    void failed() {
        increment(failed);
    }

    void deadLettered() {
        increment(deadLettered);
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("finbatch.webhook.deliveries").description("Webhook delivery attempts by outcome")
                .tag("outcome", outcome).register(registry);
    }

    private static void increment(Counter counter) {
        if (counter != null) {
            counter.increment();
        }
    }
}
