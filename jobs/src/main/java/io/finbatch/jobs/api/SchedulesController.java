package io.finbatch.jobs.api;

import io.finbatch.jobs.audit.Audited;
import io.finbatch.jobs.scheduling.ScheduleAdmin;
import io.finbatch.jobs.scheduling.ScheduleAdmin.ScheduleView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.List;

/** The schedules of schedules/*.yml with their next fire times; pause, resume, run now (ADMIN). */
@RestController
@Tag(name = "schedules", description = "Schedules and their next fire times; pause, resume, run now (ADMIN)")
class SchedulesController {

    private final ScheduleAdmin schedules;
    private final Audited audited;

    SchedulesController(ScheduleAdmin schedules, Audited audited) {
        this.schedules = schedules;
        this.audited = audited;
    }

    @GetMapping("/api/schedules")
    @Operation(summary = "Every schedule, the next to fire first")
    List<ScheduleView> list() {
        return schedules.schedules();
    }

    @PostMapping("/api/schedules/{id}/pause")
    @Operation(summary = "Pause a schedule's trigger")
    ScheduleView pause(@PathVariable String id, HttpServletRequest request, Principal who) {
        return audited.run(request, who, () -> schedules.pause(id), ScheduleView::state);
    }

    @PostMapping("/api/schedules/{id}/resume")
    @Operation(summary = "Resume a paused schedule")
    ScheduleView resume(@PathVariable String id, HttpServletRequest request, Principal who) {
        return audited.run(request, who, () -> schedules.resume(id), ScheduleView::state);
    }

    @PostMapping("/api/schedules/{id}/run")
    @Operation(summary = "Run a schedule now, once, besides its cron")
    ScheduleView run(@PathVariable String id, HttpServletRequest request, Principal who) {
        return audited.run(request, who, () -> schedules.runNow(id), s -> "fired");
    }
}
