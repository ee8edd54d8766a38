package dev.refinery.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.refinery.identity.Role;
import dev.refinery.identity.SignedInAccount;
import dev.refinery.identity.Teams;
import dev.refinery.shared.FieldErrors;
import dev.refinery.shared.Rejected;

/** The report pages (velocity, forecast with its what-ifs, estimate against actual), their CSV files and the iterations form. */
@Controller
class ReportController {

    static final String TOO_LITTLE_DATA = "Too little data: a forecast needs at least 3 completed iterations in which the team finished items.";

    private final Reports reports;
    private final Teams teams;
    private final Clock clock;

    ReportController(Reports reports, Teams teams, Clock clock) {
        this.reports = reports;
        this.teams = teams;
        this.clock = clock;
    }

    @GetMapping("/teams/{team}/reports/velocity")
    String velocity(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, Model model) {
        model.addAttribute("page", velocityPage(me, team, FieldErrors.NONE));
        return "reporting/velocity";
    }

    @PostMapping("/teams/{team}/reports/iterations")
    String configure(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @RequestParam(defaultValue = "0") String lengthWeeks, @RequestParam(defaultValue = "") String firstStart,
            @RequestParam(defaultValue = "") String timeZone, @RequestParam(defaultValue = "0") int version, Model model) {
        try {
            int weeks;
            try {
                weeks = Integer.parseInt(lengthWeeks.strip());
            }
            catch (NumberFormatException notANumber) {
                weeks = 0;
            }
            LocalDate start;
            try {
                start = LocalDate.parse(firstStart.strip());
            }
            catch (DateTimeParseException notADate) {
                start = null;
            }
            reports.configure(team, weeks, start, timeZone, version, me.id());
            return "redirect:/teams/" + team + "/reports/velocity";
        }
        catch (Rejected rejected) {
            model.addAttribute("page", velocityPage(me, team, FieldErrors.of(rejected)));
            return "reporting/velocity";
        }
    }

    @GetMapping("/teams/{team}/reports/forecast")
    String forecast(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @RequestParam(defaultValue = "100") String capacity, @RequestParam(required = false) String moveToTop,
            @RequestParam(defaultValue = "1") int page, Model model) {
        var name = teams.find(team, me.id()).team().name();
        var errors = FieldErrors.NONE;
        Forecast forecast;
        try {
            forecast = reports.forecast(team, percent(capacity), Reports.DEFAULT_SEED, moveToTop, me.id());
        }
        catch (Rejected rejected) {
            errors = FieldErrors.of(rejected);
            forecast = reports.forecast(team, 100, Reports.DEFAULT_SEED, null, me.id());
        }
        model.addAttribute("page", ReportPages.ForecastPage.of(team, name, forecast, page, LocalDate.now(clock), capacity,
                moveToTop, errors));
        return "reporting/forecast";
    }

    @GetMapping("/teams/{team}/reports/accuracy")
    String accuracy(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, Model model) {
        var name = teams.find(team, me.id()).team().name();
        model.addAttribute("page", ReportPages.AccuracyPage.of(team, name, reports.accuracy(team, me.id())));
        return "reporting/accuracy";
    }

    @GetMapping("/teams/{team}/reports/velocity.csv")
    ResponseEntity<String> velocityFile(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team) {
        return ReportFiles.velocity(reports.velocity(team, me.id())).response();
    }

    @GetMapping("/teams/{team}/reports/forecast.csv")
    ResponseEntity<String> forecastFile(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @RequestParam(defaultValue = "100") String capacity, @RequestParam(required = false) String moveToTop) {
        return ReportFiles.forecast(reports.forecast(team, percent(capacity), Reports.DEFAULT_SEED, moveToTop, me.id())).response();
    }

    @GetMapping("/teams/{team}/reports/accuracy.csv")
    ResponseEntity<String> accuracyFile(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team) {
        return ReportFiles.accuracy(reports.accuracy(team, me.id())).response();
    }

    private static int percent(String capacity) {
        try {
            return Integer.parseInt(capacity.strip());
        }
        catch (NumberFormatException notANumber) {
            throw Rejected.invalid("capacity", "A capacity from 1 to 500 % of the past.");
        }
    }

    private ReportPages.VelocityPage velocityPage(SignedInAccount me, String team, FieldErrors errors) {
        var membership = teams.find(team, me.id());
        var canConfigure = membership.role() == Role.FACILITATOR || membership.role() == Role.PM;
        return ReportPages.VelocityPage.of(team, membership.team().name(), reports.velocity(team, me.id()), canConfigure, errors);
    }
}
