package io.finbatch.jobs.api;

import io.finbatch.jobs.audit.Audited;
import io.finbatch.jobs.exceptionqueue.ExceptionQueue;
import io.finbatch.jobs.exceptionqueue.ExceptionQueue.Exceptions;
import io.finbatch.jobs.exceptionqueue.ExceptionQueue.Outcome;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;

/** The exception queues: what imports refused or skipped, the postings Odoo refused; re-queue or dismiss. */
@RestController
@Tag(name = "exceptions", description = "Import exceptions and refused postings; re-queue or dismiss (OPERATOR, ADMIN)")
class ExceptionsController {

    /** The reason of a re-queue or dismissal (required to dismiss). */
    record Comment(String comment) {
    }

    private final ExceptionQueue queue;
    private final Audited audited;

    ExceptionsController(ExceptionQueue queue, Audited audited) {
        this.queue = queue;
        this.audited = audited;
    }

    @GetMapping("/api/exceptions")
    @Operation(summary = "Import exceptions of a status (OPEN by default; ALL for every one) and refused postings")
    Exceptions exceptions(@RequestParam(defaultValue = "OPEN") String status,
            @RequestParam(defaultValue = "500") int limit) {
        return queue.list(status, limit);
    }

    @PostMapping("/api/exceptions/{queue}/{id}/requeue")
    @Operation(summary = "Re-queue an item of the import or posting queue for the next run")
    Outcome requeue(@PathVariable String queue, @PathVariable long id,
            @RequestBody(required = false) Comment comment, HttpServletRequest request, Principal who) {
        return audited.run(request, who, () -> this.queue.requeue(ExceptionQueue.queue(queue), id, who.getName(), text(comment)),
                o -> o.status() + (text(comment) == null ? "" : ": " + text(comment)));
    }

    @PostMapping("/api/exceptions/{queue}/{id}/dismiss")
    @Operation(summary = "Dismiss an item with a comment: no further action")
    Outcome dismiss(@PathVariable String queue, @PathVariable long id, @RequestBody(required = false) Comment comment,
            HttpServletRequest request, Principal who) {
        return audited.run(request, who, () -> this.queue.dismiss(ExceptionQueue.queue(queue), id, who.getName(), text(comment)),
                o -> o.status() + ": " + text(comment));
    }

    private static String text(Comment comment) {
        return comment == null ? null : comment.comment();
    }
}
