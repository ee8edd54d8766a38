package dev.refinery.identity;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.refinery.shared.FieldErrors;
import dev.refinery.shared.RefinementHealth;

/** The team page: its members and, when a module answers, its refinement health (null otherwise). */
public record TeamPage(Membership membership, List<Member> members, NewMember form, FieldErrors errors,
        RefinementHealth.Health health) {

    public static final int WIDTH = 320;
    public static final int HEIGHT = 180;
    public static final int LEFT = 28;
    public static final int TOP = 36;
    public static final int BOTTOM = 28;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    public static String minutes(double value) {
        return java.math.BigDecimal.valueOf(value).setScale(1, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /**
     * One closed session in the health charts, oldest on the left: the bar of items estimated, the bar of minutes
     * per item and the level of its time box, each already in chart coordinates.
     */
    public record SessionColumn(double x, double width, double estimatedY, double minutesY, double timeBoxY, String day,
            RefinementHealth.Session session) {

        public String describe() {
            return session.title() + ": " + session.estimated() + " estimated, " + minutes(session.minutesPerItem())
                    + " minutes per item (time box " + minutes(session.timeBoxPerItem()) + ")";
        }
    }

    /** The y of the bottom axis of both health charts. */
    public static int baseline() {
        return HEIGHT - BOTTOM;
    }

    /** The most items estimated in one of the sessions shown (at least 1), the top of the first chart's scale. */
    public int estimatedMax() {
        return Math.max(1, health.sessions().stream().mapToInt(RefinementHealth.Session::estimated).max().orElse(0));
    }

    /** The longest minutes per item or time box of the sessions shown (at least 1), the top of the second chart's scale. */
    public double minutesMax() {
        return Math.max(1, health.sessions().stream().mapToDouble(s -> Math.max(s.minutesPerItem(), s.timeBoxPerItem())).max().orElse(0));
    }

    public List<SessionColumn> columns() {
        var oldestFirst = health.sessions().reversed();
        var plot = HEIGHT - TOP - BOTTOM;
        var slot = (WIDTH - LEFT - 8) / (double) Math.max(1, oldestFirst.size());
        var columns = new ArrayList<SessionColumn>();
        for (int i = 0; i < oldestFirst.size(); i++) {
            var session = oldestFirst.get(i);
            var width = Math.min(slot * 0.6, 48);
            columns.add(new SessionColumn(tenth(LEFT + i * slot + (slot - width) / 2), tenth(width),
                    tenth(baseline() - plot * session.estimated() / (double) estimatedMax()),
                    tenth(baseline() - plot * session.minutesPerItem() / minutesMax()),
                    tenth(baseline() - plot * session.timeBoxPerItem() / minutesMax()),
                    DAY.format(session.startedAt().atOffset(ZoneOffset.UTC)), session));
        }
        return columns;
    }

    private static double tenth(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
