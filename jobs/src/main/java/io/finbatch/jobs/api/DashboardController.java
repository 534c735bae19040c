package io.finbatch.jobs.api;

import io.finbatch.jobs.dashboard.Dashboard;
import io.finbatch.jobs.security.UsersDirectory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The dashboard's figures, and the configured users and tokens (ADMIN). */
@RestController
@Tag(name = "overview", description = "Dashboard figures; users and API tokens (ADMIN)")
class DashboardController {

    private final Dashboard dashboard;
    private final UsersDirectory users;

    DashboardController(Dashboard dashboard, UsersDirectory users) {
        this.dashboard = dashboard;
        this.users = users;
    }

    @GetMapping("/api/dashboard")
    @Operation(summary = "Last run per job, recent failures, exception counts, next firings, business indicators")
    Dashboard.View dashboard() {
        return dashboard.view();
    }

    @GetMapping("/api/users")
    @Operation(summary = "The configured users and API tokens with their roles (never a hash)")
    List<UsersDirectory.Principal> users() {
        return users.principals();
    }
}
