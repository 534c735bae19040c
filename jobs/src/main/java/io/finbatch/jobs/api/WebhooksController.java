package io.finbatch.jobs.api;

import io.finbatch.jobs.audit.Audited;
import io.finbatch.jobs.events.WebhookDeliveries;
import io.finbatch.jobs.events.WebhookDeliveries.Delivery;
import io.finbatch.jobs.events.WebhookSubscriptions;
import io.finbatch.jobs.events.WebhookSubscriptions.Created;
import io.finbatch.jobs.events.WebhookSubscriptions.Subscription;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.List;

/** Outgoing webhooks (ADMIN): subscriptions, the delivery log and redelivery. */
@RestController
@Tag(name = "webhooks", description = "Webhook subscriptions, delivery log, redelivery (ADMIN)")
class WebhooksController {

    /** A new subscription; without a secret one is made and answered once. */
    record NewSubscription(String url, List<String> events, String secret, String description) {
    }

    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;
    private final Audited audited;

    WebhooksController(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries, Audited audited) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.audited = audited;
    }

    @GetMapping("/api/webhooks")
    @Operation(summary = "Every subscription (secrets are never shown)")
    List<Subscription> list() {
        return subscriptions.all();
    }

    @PostMapping("/api/webhooks")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Subscribe a URL to event types; the answer carries the signing secret, this once")
    Created create(@RequestBody NewSubscription body, HttpServletRequest request, Principal who) {
        return audited.run(request, who, () -> subscriptions.create(body.url(), body.events(), body.secret(),
                body.description(), who == null ? null : who.getName()), c -> "subscription " + c.subscription().id()
                        + " " + String.join(",", c.subscription().events()));
    }

    @PostMapping("/api/webhooks/{id}/activate")
    @Operation(summary = "Activate a subscription")
    Subscription activate(@PathVariable long id, HttpServletRequest request, Principal who) {
        return audited.run(request, who, () -> subscriptions.setActive(id, true), s -> "active");
    }

    @PostMapping("/api/webhooks/{id}/deactivate")
    @Operation(summary = "Deactivate a subscription: no new events, pending deliveries wait")
    Subscription deactivate(@PathVariable long id, HttpServletRequest request, Principal who) {
        return audited.run(request, who, () -> subscriptions.setActive(id, false), s -> "inactive");
    }

    @GetMapping("/api/webhooks/deliveries")
    @Operation(summary = "The delivery log, latest first; state PENDING, DELIVERED or DEAD (the dead letters)")
    List<Delivery> deliveries(@RequestParam(required = false) String state,
            @RequestParam(defaultValue = "200") int limit) {
        return deliveries.latest(state, limit);
    }

    @PostMapping("/api/webhooks/deliveries/{id}/redeliver")
    @Operation(summary = "Send a dead-lettered (or delivered) delivery again, with a new retry window")
    Delivery redeliver(@PathVariable long id, HttpServletRequest request, Principal who) {
        return audited.run(request, who, () -> deliveries.redeliver(id), d -> "event " + d.eventId());
    }
}
