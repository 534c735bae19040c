package io.finbatch.jobs.api;

import io.finbatch.jobs.audit.Audited;
import io.finbatch.jobs.execution.BackgroundRestarts;
import io.finbatch.jobs.execution.ExecutionActions;
import io.finbatch.jobs.execution.ExecutionBrowser;
import io.finbatch.jobs.execution.ExecutionViews.ActionResult;
import io.finbatch.jobs.execution.ExecutionViews.ExecutionDetail;
import io.finbatch.jobs.execution.ExecutionViews.ExecutionSummary;
import io.finbatch.jobs.execution.ExecutionViews.Filter;
import io.finbatch.jobs.execution.ExecutionViews.Progress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;

/** Job executions: list, detail, progress, restart / stop / abandon (OPERATOR). */
@RestController
@RequestMapping("/api/executions")
@Tag(name = "executions", description = "Job executions with their steps; restart, stop, abandon (OPERATOR, ADMIN)")
class ExecutionsController {

    private final ExecutionBrowser executions;
    private final ExecutionActions actions;
    private final BackgroundRestarts restarts;
    private final Audited audited;

    ExecutionsController(ExecutionBrowser executions, ExecutionActions actions, BackgroundRestarts restarts,
            Audited audited) {
        this.executions = executions;
        this.actions = actions;
        this.restarts = restarts;
        this.audited = audited;
    }

    @GetMapping
    @Operation(summary = "Executions, latest first, filtered by job, status and start date (from/to inclusive)")
    List<ExecutionSummary> list(@RequestParam(required = false) String job,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "100") int limit) {
        return executions.list(new Filter(job, status, from, to, limit));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One execution: parameters, steps with their counts, exit description")
    ExecutionDetail detail(@PathVariable long id) {
        return executions.detail(id);
    }

    @GetMapping("/{id}/progress")
    @Operation(summary = "Progress of the current step: items done, rate, expected items and ETA when known")
    Progress progress(@PathVariable long id) {
        return executions.progress(id);
    }

    @PostMapping("/{id}/restart")
    @Operation(summary = "Resume a failed or stopped execution from where it stopped")
    ActionResult restart(@PathVariable long id, HttpServletRequest request, Principal who) {
        return audited.run(request, who, () -> restarts.restart(id),
                r -> "new execution " + r.newExecutionId() + ": " + r.status());
    }

    @PostMapping("/{id}/stop")
    @Operation(summary = "Ask a running execution to stop after its current chunk")
    ActionResult stop(@PathVariable long id, HttpServletRequest request, Principal who) {
        return audited.run(request, who, () -> actions.stop(id), ActionResult::status);
    }

    @PostMapping("/{id}/abandon")
    @Operation(summary = "Mark a failed or stopped execution as never to be restarted")
    ActionResult abandon(@PathVariable long id, HttpServletRequest request, Principal who) {
        return audited.run(request, who, () -> actions.abandon(id), ActionResult::status);
    }
}
