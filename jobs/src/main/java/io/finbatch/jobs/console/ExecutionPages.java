package io.finbatch.jobs.console;

import io.finbatch.jobs.execution.BackgroundRestarts;
import io.finbatch.jobs.execution.ExecutionActions;
import io.finbatch.jobs.execution.ExecutionBrowser;
import io.finbatch.jobs.execution.ExecutionViews.ActionResult;
import io.finbatch.jobs.execution.ExecutionViews.Filter;
import io.finbatch.jobs.execution.ExecutionViews.Progress;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;
import java.time.LocalDate;

/** Executions: filtered list, detail with steps and live progress, restart / stop / abandon. */
@Controller
class ExecutionPages {

    private final ExecutionBrowser executions;
    private final ExecutionActions actions;
    private final BackgroundRestarts restarts;
    private final ConsoleActions console;

    ExecutionPages(ExecutionBrowser executions, ExecutionActions actions, BackgroundRestarts restarts,
            ConsoleActions console) {
        this.executions = executions;
        this.actions = actions;
        this.restarts = restarts;
        this.console = console;
    }

    @GetMapping("/executions")
    String list(@RequestParam(required = false) String job, @RequestParam(required = false) String status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        Filter filter = new Filter(job, status, from, to, 200);
        model.addAttribute("filter", filter);
        model.addAttribute("jobs", executions.jobNames());
        model.addAttribute("executions", executions.list(filter));
        return "executions";
    }

    @GetMapping("/executions/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("e", executions.detail(id));
        model.addAttribute("progress", executions.progress(id));
        return "execution";
    }

    @GetMapping(value = "/executions/{id}/progress", produces = "application/json")
    @ResponseBody
    Progress progress(@PathVariable long id) {
        return executions.progress(id);
    }

    @PostMapping("/executions/{id}/restart")
    String restart(@PathVariable long id, HttpServletRequest request, Principal who, RedirectAttributes flash) {
        ActionResult r = console.run(request, who, flash, () -> restarts.restart(id),
                x -> "new execution " + x.newExecutionId() + ": " + x.status(),
                x -> "Execution " + id + " restarted as execution " + x.newExecutionId() + ": " + x.status()
                        + (x.message() == null ? "" : " (" + x.message() + ")"));
        return "redirect:/executions/" + (r != null && r.newExecutionId() != null ? r.newExecutionId() : id);
    }

    @PostMapping("/executions/{id}/stop")
    String stop(@PathVariable long id, HttpServletRequest request, Principal who, RedirectAttributes flash) {
        console.run(request, who, flash, () -> actions.stop(id), ActionResult::status,
                x -> "Stop requested for execution " + id + ": " + x.status());
        return "redirect:/executions/" + id;
    }

    @PostMapping("/executions/{id}/abandon")
    String abandon(@PathVariable long id, HttpServletRequest request, Principal who, RedirectAttributes flash) {
        console.run(request, who, flash, () -> actions.abandon(id), ActionResult::status,
                x -> "Execution " + id + " abandoned: it will never be restarted");
        return "redirect:/executions/" + id;
    }
}
