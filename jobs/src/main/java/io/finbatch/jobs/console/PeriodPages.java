package io.finbatch.jobs.console;

import io.finbatch.jobs.close.MonthEndCloseService;
import io.finbatch.writers.periods.FiscalPeriod;
import io.finbatch.writers.periods.FiscalPeriodRepository;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Periods by month and entity with their status and cut-off; start the month-end close; lock (CONTROLLER). */
@Controller
class PeriodPages {

    private final FiscalPeriodRepository periods;
    private final MonthEndCloseService close;
    private final ConsoleActions console;

    PeriodPages(FiscalPeriodRepository periods, MonthEndCloseService close, ConsoleActions console) {
        this.periods = periods;
        this.close = close;
        this.console = console;
    }

    @GetMapping("/periods")
    String list(Model model) {
        Map<String, List<FiscalPeriod>> byMonth = new TreeMap<>(java.util.Comparator.reverseOrder());
        for (FiscalPeriod period : periods.all()) {
            byMonth.computeIfAbsent(period.period(), k -> new java.util.ArrayList<>()).add(period);
        }
        model.addAttribute("months", byMonth);
        model.addAttribute("suggested", YearMonth.now().minusMonths(1).toString());
        return "periods";
    }

    @PostMapping("/close/{period}")
    String close(@PathVariable String period, HttpServletRequest request, Principal who, RedirectAttributes flash) {
        MonthEndCloseService.CloseResult r = console.run(request, who, flash,
                () -> close.close(YearMonth.parse(period), who.getName()),
                x -> "execution " + x.executionId() + ": " + x.status()
                        + (x.failedStep() == null ? "" : " at " + x.failedStep()),
                x -> "Close of " + period + ": " + x.status() + " (execution " + x.executionId() + ")"
                        + (x.failedStep() == null ? "" : ", stopped at " + x.failedStep()));
        return r == null ? "redirect:/periods" : "redirect:/executions/" + r.executionId();
    }

    @PostMapping("/periods/{entity}/{period}/lock")
    String lock(@PathVariable String entity, @PathVariable String period, HttpServletRequest request, Principal who,
            RedirectAttributes flash) {
        console.run(request, who, flash, () -> periods.lock(entity, YearMonth.parse(period), who.getName()),
                FiscalPeriod::status, p -> "Period " + period + " of " + entity + " is " + p.status());
        return "redirect:/periods";
    }
}
