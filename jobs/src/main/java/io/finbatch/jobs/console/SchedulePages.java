package io.finbatch.jobs.console;

import io.finbatch.jobs.scheduling.ScheduleAdmin;
import io.finbatch.jobs.scheduling.ScheduleAdmin.ScheduleView;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;

/** Schedules with their next fire times; pause, resume, run now (ADMIN). */
@Controller
class SchedulePages {

    private final ScheduleAdmin schedules;
    private final ConsoleActions console;

    SchedulePages(ScheduleAdmin schedules, ConsoleActions console) {
        this.schedules = schedules;
        this.console = console;
    }

    @GetMapping("/schedules")
    String list(Model model) {
        try {
            model.addAttribute("schedules", schedules.schedules());
        } catch (RuntimeException e) {
            model.addAttribute("schedules", java.util.List.of());
            model.addAttribute("error", e.getMessage());
        }
        return "schedules";
    }

    @PostMapping("/schedules/{id}/pause")
    String pause(@PathVariable String id, HttpServletRequest request, Principal who, RedirectAttributes flash) {
        console.run(request, who, flash, () -> schedules.pause(id), ScheduleView::state,
                s -> "Schedule " + id + " paused");
        return "redirect:/schedules";
    }

    @PostMapping("/schedules/{id}/resume")
    String resume(@PathVariable String id, HttpServletRequest request, Principal who, RedirectAttributes flash) {
        console.run(request, who, flash, () -> schedules.resume(id), ScheduleView::state,
                s -> "Schedule " + id + " resumed");
        return "redirect:/schedules";
    }

    @PostMapping("/schedules/{id}/run")
    String run(@PathVariable String id, HttpServletRequest request, Principal who, RedirectAttributes flash) {
        console.run(request, who, flash, () -> schedules.runNow(id), s -> "fired",
                s -> "Schedule " + id + " fired: its run appears under Executions");
        return "redirect:/schedules";
    }
}
