package dev.refinery.reporting;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report pages and the geometry of their charts, worked out here so that the templates only draw: every chart
 * is {@link #WIDTH} by {@link #HEIGHT} user units and scales down to the width of a phone.
 */
public final class ReportPages {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 280;
    public static final int LEFT = 48;
    public static final int RIGHT = 16;
    public static final int TOP = 16;
    public static final int BOTTOM = 40;

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private ReportPages() {
    }

    public static String day(LocalDate day) {
        return day == null ? "beyond 10 years" : day.format(SHORT) + " " + day.getYear();
    }

    public static String shortDay(LocalDate day) {
        return day == null ? "–" : day.format(SHORT);
    }

    static int plotHeight() {
        return HEIGHT - TOP - BOTTOM;
    }

    static int plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    /** A bar of a bar chart, with its label under it and its value over it. */
    public record Bar(double x, double y, double width, double height, String label, String value) {
    }

    /** A horizontal line across the plot, at a value, with its name. */
    public record Rule(double y, String name) {
    }

    /** The velocity page: the report, its bars and the lines of its mean and spread. */
    public record VelocityPage(String team, String teamName, Velocity velocity, List<Bar> bars, Rule mean, Rule low,
            Rule high, double scaleMax, boolean canConfigure, Iterations iterations, dev.refinery.shared.FieldErrors errors) {

        static VelocityPage of(String team, String teamName, Velocity velocity, boolean canConfigure,
                dev.refinery.shared.FieldErrors errors) {
            var max = Math.max(1, Math.max(velocity.maxPoints(), velocity.meanPoints() + velocity.spreadPoints()));
            var lines = velocity.lines();
            var slot = lines.isEmpty() ? 0 : (double) plotWidth() / lines.size();
            var bars = new ArrayList<Bar>();
            for (int i = 0; i < lines.size(); i++) {
                var line = lines.get(i);
                var height = line.points().doubleValue() / max * plotHeight();
                bars.add(new Bar(LEFT + i * slot + slot * 0.15, TOP + plotHeight() - height, slot * 0.7, height,
                        shortDay(line.start()), line.points().toPlainString()));
            }
            return new VelocityPage(team, teamName, velocity, bars, rule(velocity.meanPoints(), max, "mean"),
                    rule(Math.max(0, velocity.meanPoints() - velocity.spreadPoints()), max, "mean − 1 sd"),
                    rule(velocity.meanPoints() + velocity.spreadPoints(), max, "mean + 1 sd"), max, canConfigure,
                    velocity.iterations(), errors);
        }
    }

    static Rule rule(double value, double max, String name) {
        return new Rule(TOP + plotHeight() - value / max * plotHeight(), name);
    }

    /** A line of the forecast chart: an item's range from its 50 % to its 95 % day, with its 85 % day and deadline. */
    public record Range(double y, double from, double to, double at85, Double deadline, String key, boolean atRisk) {
    }

    /** The forecast page: the forecast, one page of its lines, and the chart of the first ones. */
    public record ForecastPage(String team, String teamName, Forecast forecast, List<Forecast.Line> lines, int page,
            int pages, List<Range> ranges, LocalDate today, LocalDate last, int chartHeight, String capacity,
            String moveToTop, dev.refinery.shared.FieldErrors errors) {

        public static final int PAGE_SIZE = 100;
        public static final int CHARTED = 15;
        public static final int ROW = 22;

        static ForecastPage of(String team, String teamName, Forecast forecast, int page, LocalDate today, String capacity,
                String moveToTop, dev.refinery.shared.FieldErrors errors) {
            var all = forecast.lines();
            var pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
            var shown = Math.min(Math.max(1, page), pages);
            var lines = all.subList((shown - 1) * PAGE_SIZE, Math.min(all.size(), shown * PAGE_SIZE));
            var charted = all.subList(0, Math.min(CHARTED, all.size()));
            var last = today.plusDays(7);
            for (var line : charted) {
                for (var day : new LocalDate[] { line.p95(), line.deadline() }) {
                    if (day != null && day.isAfter(last)) {
                        last = day;
                    }
                }
            }
            var span = Math.max(1, ChronoUnit.DAYS.between(today, last));
            var ranges = new ArrayList<Range>();
            for (int i = 0; i < charted.size(); i++) {
                var line = charted.get(i);
                var end = line.p95() == null ? last : line.p95();
                ranges.add(new Range(TOP + i * ROW + ROW / 2.0, x(today, line.p50() == null ? last : line.p50(), span),
                        x(today, end, span), x(today, line.p85() == null ? last : line.p85(), span),
                        line.deadline() == null ? null : x(today, line.deadline().isBefore(today) ? today : line.deadline(), span),
                        line.key().toString(), line.atRisk()));
            }
            return new ForecastPage(team, teamName, forecast, lines, shown, pages, ranges, today, last,
                    TOP + charted.size() * ROW + BOTTOM, capacity, moveToTop == null ? "" : moveToTop, errors);
        }

        private static double x(LocalDate today, LocalDate day, long span) {
            return LEFT + 40 + (double) ChronoUnit.DAYS.between(today, day) / span * (plotWidth() - 40);
        }

        public String url(int page) {
            return "/teams/" + team + "/reports/forecast?" + query() + "&page=" + page;
        }

        public String csv() {
            return "/teams/" + team + "/reports/forecast.csv?" + query();
        }

        private String query() {
            return "capacity=" + forecast.capacity() + (forecast.movedToTop() == null ? ""
                    : "&moveToTop=" + java.net.URLEncoder.encode(forecast.movedToTop(), java.nio.charset.StandardCharsets.UTF_8));
        }

        public String tooLittleData() {
            return ReportController.TOO_LITTLE_DATA;
        }
    }

    /** A box of the box plot chart, in user units. */
    public record Box(double x, double width, double low, double q1, double median, double q3, double high,
            List<Double> outliers, String label) {
    }

    /** A point of the error trend. */
    public record Point(double x, double y, String label, String value) {
    }

    /** The accuracy page: the report, its box plots and the points of its error trend. */
    public record AccuracyPage(String team, String teamName, Accuracy accuracy, List<Box> boxes, double daysMax,
            List<Point> trend, double ratioMax, Rule exact) {

        static AccuracyPage of(String team, String teamName, Accuracy accuracy) {
            var max = Math.max(1, accuracy.maxDays());
            var groups = accuracy.groups();
            var slot = groups.isEmpty() ? 0 : (double) plotWidth() / groups.size();
            var boxes = new ArrayList<Box>();
            for (int i = 0; i < groups.size(); i++) {
                var plot = groups.get(i).plot();
                boxes.add(new Box(LEFT + i * slot + slot * 0.25, slot * 0.5, y(plot.lowWhisker(), max), y(plot.lowerQuartile(), max),
                        y(plot.median(), max), y(plot.upperQuartile(), max), y(plot.highWhisker(), max),
                        plot.outliers().stream().map(value -> y(value, max)).toList(), groups.get(i).estimate()));
            }
            var ratioMax = Math.max(2, accuracy.maxRatio());
            var trend = accuracy.trend();
            var step = trend.size() <= 1 ? 0 : (double) plotWidth() / (trend.size() - 1);
            var points = new ArrayList<Point>();
            for (int i = 0; i < trend.size(); i++) {
                points.add(new Point(LEFT + (trend.size() == 1 ? plotWidth() / 2.0 : i * step), y(trend.get(i).ratio(), ratioMax),
                        shortDay(trend.get(i).start()), BoxPlot.show(trend.get(i).ratio())));
            }
            return new AccuracyPage(team, teamName, accuracy, boxes, max, points, ratioMax, rule(1, ratioMax, "as estimated"));
        }

        private static double y(double value, double max) {
            return TOP + plotHeight() - value / max * plotHeight();
        }

        public String polyline() {
            return String.join(" ", trend.stream().map(point -> point.x() + "," + point.y()).toList());
        }
    }

    public static String show(double value) {
        return BoxPlot.show(value);
    }
}
