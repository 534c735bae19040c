package io.finbatch.jobs.console;

import io.finbatch.jobs.exceptionqueue.ExceptionQueue;
import io.finbatch.jobs.exceptionqueue.ExceptionQueue.Outcome;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;

/** The exception queues, with re-queue and dismiss (with a comment). */
@Controller
class ExceptionPages {

    private final ExceptionQueue queue;
    private final ConsoleActions console;

    ExceptionPages(ExceptionQueue queue, ConsoleActions console) {
        this.queue = queue;
        this.console = console;
    }

    @GetMapping("/exceptions")
    String list(@RequestParam(defaultValue = "OPEN") String status, Model model) {
        model.addAttribute("status", status);
        model.addAttribute("x", queue.list(status, 500));
        return "exceptions";
    }

    @PostMapping("/exceptions/{queue}/{id}/requeue")
    String requeue(@PathVariable String queue, @PathVariable long id, @RequestParam(required = false) String comment,
            HttpServletRequest request, Principal who, RedirectAttributes flash) {
        console.run(request, who, flash, () -> this.queue.requeue(ExceptionQueue.queue(queue), id, who.getName(),
                comment), o -> o.status() + (blank(comment) ? "" : ": " + comment),
                o -> o.queue().name().toLowerCase() + " exception " + id + " re-queued (" + o.status() + ")");
        return "redirect:/exceptions";
    }

    @PostMapping("/exceptions/{queue}/{id}/dismiss")
    String dismiss(@PathVariable String queue, @PathVariable long id, @RequestParam(required = false) String comment,
            HttpServletRequest request, Principal who, RedirectAttributes flash) {
        console.run(request, who, flash, () -> this.queue.dismiss(ExceptionQueue.queue(queue), id, who.getName(),
                comment), (Outcome o) -> o.status() + ": " + comment,
                o -> o.queue().name().toLowerCase() + " exception " + id + " dismissed");
        return "redirect:/exceptions";
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
