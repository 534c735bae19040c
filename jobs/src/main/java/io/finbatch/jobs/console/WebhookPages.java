package io.finbatch.jobs.console;

import io.finbatch.jobs.events.EventTypes;
import io.finbatch.jobs.events.WebhookDeliveries;
import io.finbatch.jobs.events.WebhookSubscriptions;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;
import java.util.List;

/** Webhook subscriptions and the delivery log with redelivery (ADMIN). */
@Controller
class WebhookPages {

    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;
    private final ConsoleActions console;

    WebhookPages(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries, ConsoleActions console) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.console = console;
    }

    @GetMapping("/webhooks")
    String list(@RequestParam(required = false) String state, Model model) {
        model.addAttribute("subscriptions", subscriptions.all());
        model.addAttribute("eventTypes", EventTypes.ALL);
        model.addAttribute("state", state == null ? "ALL" : state);
        try {
            model.addAttribute("deliveries", deliveries.latest(state, 200));
        } catch (IllegalArgumentException e) {
            model.addAttribute("deliveries", List.of());
            model.addAttribute("error", e.getMessage());
        }
        return "webhooks";
    }

    @PostMapping("/webhooks")
    String create(@RequestParam String url, @RequestParam(required = false) List<String> events,
            @RequestParam(required = false) String secret, @RequestParam(required = false) String description,
            HttpServletRequest request, Principal who, RedirectAttributes flash) {
        console.run(request, who, flash, () -> subscriptions.create(url, events, secret, description,
                        who == null ? null : who.getName()),
                c -> "subscription " + c.subscription().id() + " " + String.join(",", c.subscription().events()),
                c -> "Subscription " + c.subscription().id() + " added. Its signing secret, shown this once: "
                        + c.secret());
        return "redirect:/webhooks";
    }

    @PostMapping("/webhooks/{id}/activate")
    String activate(@PathVariable long id, HttpServletRequest request, Principal who, RedirectAttributes flash) {
        console.run(request, who, flash, () -> subscriptions.setActive(id, true), s -> "active",
                s -> "Subscription " + id + " active");
        return "redirect:/webhooks";
    }

    @PostMapping("/webhooks/{id}/deactivate")
    String deactivate(@PathVariable long id, HttpServletRequest request, Principal who, RedirectAttributes flash) {
        console.run(request, who, flash, () -> subscriptions.setActive(id, false), s -> "inactive",
                s -> "Subscription " + id + " inactive: it gets no new events");
        return "redirect:/webhooks";
    }

    @PostMapping("/webhooks/deliveries/{id}/redeliver")
    String redeliver(@PathVariable long id, HttpServletRequest request, Principal who, RedirectAttributes flash) {
        console.run(request, who, flash, () -> deliveries.redeliver(id), d -> "event " + d.eventId(),
                d -> "Delivery " + id + " of event " + d.eventId() + " queued again");
        return "redirect:/webhooks?state=PENDING";
    }
}
