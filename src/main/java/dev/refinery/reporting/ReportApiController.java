package dev.refinery.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.refinery.identity.SignedInAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/teams/{team}/reports")
@Tag(name = "Reports")
class ReportApiController {

    @Schema(name = "Iterations")
    record IterationsJson(int lengthWeeks, LocalDate firstStart, String timeZone, int version) {

        static IterationsJson of(Iterations iterations) {
            return new IterationsJson(iterations.lengthWeeks(), iterations.firstStart(), iterations.zone().getId(),
                    iterations.version());
        }
    }

    @Schema(name = "VelocityLine")
    record VelocityLineJson(int iteration, LocalDate start, LocalDate end, int items, BigDecimal points, BigDecimal days) {
    }

    @Schema(name = "Velocity")
    record VelocityJson(IterationsJson iterations, List<VelocityLineJson> lines, double meanPoints, double spreadPoints,
            @Schema(description = "False with fewer than 3 completed iterations since the first item was done") boolean enoughData) {

        static VelocityJson of(Velocity velocity) {
            return new VelocityJson(IterationsJson.of(velocity.iterations()), velocity.lines().stream()
                .map(line -> new VelocityLineJson(line.iteration(), line.start(), line.end(), line.items(), line.points(),
                        line.days()))
                .toList(), round(velocity.meanPoints()), round(velocity.spreadPoints()), velocity.enoughData());
        }
    }

    @Schema(name = "ForecastLine")
    record ForecastLineJson(int position, String key, String title,
            @Schema(description = "In the forecast's unit: points, or 1 per item") BigDecimal size,
            @Schema(description = "Done by this day with 50 % likelihood; null beyond the horizon") LocalDate p50,
            LocalDate p85, LocalDate p95, LocalDate deadline,
            @Schema(description = "Likelihood in percent of being done by the deadline") Integer likelihood, boolean atRisk,
            String badge) {
    }

    @Schema(name = "Forecast")
    record ForecastJson(@Schema(allowableValues = { "points", "items" }) String unit, int capacity, long seed, int runs,
            int historyIterations, boolean tooLittleData, String message, String movedToTop, List<ForecastLineJson> lines) {

        static ForecastJson of(Forecast forecast) {
            return new ForecastJson(forecast.unit().label(), forecast.capacity(), forecast.seed(), forecast.runs(),
                    forecast.history(), forecast.tooLittleData(),
                    forecast.tooLittleData() ? ReportController.TOO_LITTLE_DATA : null, forecast.movedToTop(),
                    forecast.lines().stream().map(line -> new ForecastLineJson(line.position(), line.key().toString(),
                            line.title(), line.size(), line.p50(), line.p85(), line.p95(), line.deadline(), line.likelihood(),
                            line.atRisk(), line.atRisk() ? line.badge() : null)).toList());
        }
    }

    @Schema(name = "AccuracyGroup")
    record GroupJson(String estimate, int items, double min, double lowerQuartile, double median, double upperQuartile,
            double max, List<Double> outliers) {
    }

    @Schema(name = "Overrun")
    record OverrunJson(String key, String title, String estimate, BigDecimal actualDays, double typicalDays) {
    }

    @Schema(name = "AccuracyTrend")
    record TrendJson(int iteration, LocalDate start, int items,
            @Schema(description = "Mean of actual days divided by estimated days (points at the team's days per point)") double ratio) {
    }

    @Schema(name = "Accuracy")
    record AccuracyJson(int measuredItems, List<GroupJson> groups, List<OverrunJson> overruns, List<TrendJson> trend) {

        static AccuracyJson of(Accuracy accuracy) {
            return new AccuracyJson(accuracy.measured(), accuracy.groups().stream().map(group -> {
                var plot = group.plot();
                return new GroupJson(group.estimate(), plot.count(), plot.min(), plot.lowerQuartile(), plot.median(),
                        plot.upperQuartile(), plot.max(), plot.outliers());
            }).toList(), accuracy.overruns().stream().map(overrun -> new OverrunJson(overrun.key().toString(),
                    overrun.title(), overrun.estimate(), overrun.actualDays(), overrun.typicalDays())).toList(),
                    accuracy.trend().stream().map(trend -> new TrendJson(trend.iteration(), trend.start(), trend.items(),
                            round(trend.ratio()))).toList());
        }
    }

    private final Reports reports;

    ReportApiController(Reports reports) {
        this.reports = reports;
    }

    @GetMapping("/iterations")
    @Operation(operationId = "iterations", summary = "The team's iterations: length, the start of one, the time zone")
    IterationsJson iterations(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team) {
        return IterationsJson.of(reports.iterations(team, me.id()));
    }

    @PutMapping("/iterations")
    @Operation(operationId = "setIterations", summary = "Sets the team's iterations (facilitators and product managers; send the version you read)")
    IterationsJson setIterations(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @RequestBody IterationsJson iterations) {
        return IterationsJson.of(reports.configure(team, iterations.lengthWeeks(), iterations.firstStart(),
                iterations.timeZone(), iterations.version(), me.id()));
    }

    @GetMapping("/velocity")
    @Operation(operationId = "velocity", summary = "Points, days and items done in each of the last 12 completed iterations")
    VelocityJson velocity(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team) {
        return VelocityJson.of(reports.velocity(team, me.id()));
    }

    @GetMapping("/velocity/csv")
    @Operation(operationId = "exportVelocity", summary = "The velocity report as a CSV file")
    ResponseEntity<String> velocityFile(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team) {
        return ReportFiles.velocity(reports.velocity(team, me.id())).response();
    }

    @GetMapping("/forecast")
    @Operation(operationId = "forecast", summary = "When each item of the queue is done with 50, 85 and 95 % likelihood (Monte Carlo, 10,000 runs), and which deadlines are at risk")
    ForecastJson forecast(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @Parameter(description = "Capacity in percent of the past (1 to 500)") @RequestParam(defaultValue = "100") int capacity,
            @Parameter(description = "Seed of the simulation: the same seed gives the same forecast") @RequestParam(defaultValue = "1") long seed,
            @Parameter(description = "An item key to move to the top of the queue first") @RequestParam(required = false) String moveToTop) {
        return ForecastJson.of(reports.forecast(team, capacity, seed, moveToTop, me.id()));
    }

    @GetMapping("/forecast/csv")
    @Operation(operationId = "exportForecast", summary = "The forecast as a CSV file")
    ResponseEntity<String> forecastFile(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @RequestParam(defaultValue = "100") int capacity, @RequestParam(defaultValue = "1") long seed,
            @RequestParam(required = false) String moveToTop) {
        return ReportFiles.forecast(reports.forecast(team, capacity, seed, moveToTop, me.id())).response();
    }

    @GetMapping("/accuracy")
    @Operation(operationId = "accuracy", summary = "Actual days for each estimate (box plots), items over twice the typical, and the error per iteration")
    AccuracyJson accuracy(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team) {
        return AccuracyJson.of(reports.accuracy(team, me.id()));
    }

    @GetMapping("/accuracy/csv")
    @Operation(operationId = "exportAccuracy", summary = "Estimate against actual as a CSV file")
    ResponseEntity<String> accuracyFile(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team) {
        return ReportFiles.accuracy(reports.accuracy(team, me.id())).response();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
