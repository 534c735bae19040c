package io.finbatch.jobs.console;

import io.finbatch.jobs.dashboard.Dashboard;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class DashboardPage {

    private final Dashboard dashboard;

    DashboardPage(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/")
    String dashboard(Model model) {
        model.addAttribute("d", dashboard.view());
        return "dashboard";
    }
}
