package io.finbatch.jobs.api;

import io.finbatch.jobs.audit.Audited;
import io.finbatch.jobs.close.MonthEndCloseService;
import io.finbatch.writers.periods.FiscalPeriod;
import io.finbatch.writers.periods.FiscalPeriodRepository;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.time.YearMonth;
import java.util.List;

/** The governed periods: list, lock (CONTROLLER), and the month-end close (CONTROLLER). */
@RestController
class PeriodsController {

    private final FiscalPeriodRepository periods;
    private final MonthEndCloseService close;
    private final Audited audited;

    PeriodsController(FiscalPeriodRepository periods, MonthEndCloseService close, Audited audited) {
        this.periods = periods;
        this.close = close;
        this.audited = audited;
    }

    @GetMapping("/api/periods")
    List<FiscalPeriod> list() {
        return periods.all();
    }

    @PostMapping("/api/periods/{entity}/{period}/lock")
    FiscalPeriod lock(@PathVariable String entity, @PathVariable String period, HttpServletRequest request,
            Principal who) {
        return audited.run(request, who, () -> periods.lock(entity, YearMonth.parse(period), who.getName()),
                p -> p.status());
    }

    /** Closes the month (or resumes its failed close); 200 with the result, also when the close failed. */
    @PostMapping("/api/close/{period}")
    MonthEndCloseService.CloseResult close(@PathVariable String period, HttpServletRequest request, Principal who) {
        return audited.run(request, who, () -> close.close(YearMonth.parse(period), who.getName()),
                r -> "execution " + r.executionId() + ": " + r.status()
                        + (r.failedStep() == null ? "" : " at " + r.failedStep()));
    }
}
