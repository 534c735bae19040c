package io.finbatch.jobs.api;

import io.finbatch.jobs.audit.AuditLog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The audit log, latest first. */
@RestController
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/audit")
    List<AuditLog.Entry> latest(@RequestParam(required = false) String actor,
            @RequestParam(required = false) String action, @RequestParam(defaultValue = "200") int limit) {
        return audit.latest(actor, action, limit);
    }
}
