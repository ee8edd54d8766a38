package dev.refinery.reporting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.refinery.backlog.BacklogItems;
import dev.refinery.backlog.Delivery;
import dev.refinery.backlog.Estimate;
import dev.refinery.identity.AccountId;
import dev.refinery.identity.Role;
import dev.refinery.identity.Teams;
import dev.refinery.prioritization.PriorityQueues;
import dev.refinery.prioritization.Ranked;
import dev.refinery.prioritization.ScoringModels;
import dev.refinery.shared.DeadlineForecasts;
import dev.refinery.shared.Forbidden;
import dev.refinery.shared.Rejected;

/**
 * A team's reports: velocity, the forecast of its queue and estimate against actual, over its iterations. Any
 * member reads them. A forecast is computed once per queue revision, iteration, iteration setting and what-if, and
 * kept on this node until one of them moves on; the same seed gives the same forecast on every node.
 */
@Component
public class Reports implements DeadlineForecasts {

    /** How many completed iterations the reports and the forecast look back on. */
    public static final int HISTORY = 12;

    /** Fewer completed iterations than this since the first delivery, and there is no forecast. */
    public static final int MINIMUM_HISTORY = 3;

    public static final long DEFAULT_SEED = 1;

    /** In points when at least this share of the delivered items had an estimate; in item counts otherwise. */
    private static final double ESTIMATED_ENOUGH = 0.75;

    private static final int CACHED_FORECASTS = 64;

    private record Key(long team, long revision, int iteration, int settings, int capacity, long seed, String moveToTop) {
    }

    private final BacklogItems items;
    private final PriorityQueues queues;
    private final ScoringModels models;
    private final Teams teams;
    private final IterationSettingRepository settings;
    private final Clock clock;
    private final Map<Key, Forecast> forecasts = new ConcurrentHashMap<>();

    Reports(BacklogItems items, PriorityQueues queues, ScoringModels models, Teams teams, IterationSettingRepository settings,
            Clock clock) {
        this.items = items;
        this.queues = queues;
        this.models = models;
        this.teams = teams;
        this.settings = settings;
        this.clock = clock;
    }

    public Iterations iterations(String teamKey, AccountId viewer) {
        return iterations(teams.find(teamKey, viewer).team().id().value());
    }

    /** Sets the team's iterations (facilitators and product managers), over the version read. */
    @Transactional
    public Iterations configure(String teamKey, int lengthWeeks, LocalDate firstStart, String zone, int seenVersion,
            AccountId by) {
        var membership = teams.find(teamKey, by);
        if (membership.role() != Role.FACILITATOR && membership.role() != Role.PM) {
            throw new Forbidden("Facilitators and product managers set the iterations.");
        }
        var problems = new LinkedHashMap<String, String>();
        if (lengthWeeks < 1 || lengthWeeks > 4) {
            problems.put("lengthWeeks", "An iteration lasts 1 to 4 weeks.");
        }
        if (firstStart == null) {
            problems.put("firstStart", "The day an iteration started, like 2026-01-05.");
        }
        ZoneId zoneId = null;
        try {
            zoneId = ZoneId.of(zone == null ? "" : zone.strip());
        }
        catch (java.time.DateTimeException unknown) {
            problems.put("timeZone", "A time zone like Europe/Berlin or UTC.");
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        var team = membership.team().id().value();
        var wanted = new Iterations(lengthWeeks, firstStart, zoneId, seenVersion);
        boolean saved;
        try {
            saved = settings.save(team, wanted);
        }
        catch (DuplicateKeyException raced) {
            saved = false;
        }
        if (!saved) {
            throw Rejected.conflict("version", "Somebody changed the iterations in the meantime: look at them again.");
        }
        return iterations(team);
    }

    public Velocity velocity(String teamKey, AccountId viewer) {
        var team = teams.find(teamKey, viewer).team().id().value();
        var iterations = iterations(team);
        var daysPerPoint = models.of(teamKey, viewer).daysPerPoint();
        var deliveries = items.deliveries(teamKey, viewer);
        var window = window(iterations, deliveries);
        var byIteration = byIteration(iterations, deliveries);
        var lines = new ArrayList<Velocity.Line>();
        for (int index = window[0]; index < window[1]; index++) {
            var done = byIteration.getOrDefault(index, List.of());
            var points = BigDecimal.ZERO;
            var days = BigDecimal.ZERO;
            for (var delivery : done) {
                var estimate = delivery.estimate();
                if (estimate == null) {
                    continue;
                }
                if (estimate.unit() == Estimate.Unit.POINTS) {
                    points = points.add(estimate.value());
                    days = days.add(estimate.value().multiply(daysPerPoint));
                }
                else {
                    days = days.add(estimate.value());
                }
            }
            lines.add(new Velocity.Line(index, iterations.start(index), iterations.lastDay(index), done.size(),
                    points.stripTrailingZeros(), days.stripTrailingZeros()));
        }
        var mean = lines.stream().mapToDouble(line -> line.points().doubleValue()).average().orElse(0);
        var spread = Math.sqrt(lines.stream().mapToDouble(line -> Math.pow(line.points().doubleValue() - mean, 2)).average().orElse(0));
        return new Velocity(teamKey, iterations, lines, mean, spread, lines.size() >= MINIMUM_HISTORY);
    }

    /**
     * The forecast of the team's queue: {@code capacity} in percent of the past throughput (1 to 500), an optional
     * item moved to the top of the queue, and the seed of the simulation.
     */
    public Forecast forecast(String teamKey, int capacity, long seed, String moveToTop, AccountId viewer) {
        if (capacity < 1 || capacity > 500) {
            throw Rejected.invalid("capacity", "A capacity from 1 to 500 % of the past.");
        }
        var team = teams.find(teamKey, viewer).team().id().value();
        var iterations = iterations(team);
        var current = iterations.indexOf(clock.instant());
        var revision = queues.revision(teamKey, viewer);
        var top = moveToTop == null || moveToTop.isBlank() ? null : moveToTop.strip();
        var key = new Key(team, revision, current, iterations.version(), capacity, seed, top);
        var cached = forecasts.get(key);
        if (cached != null) {
            return cached;
        }
        var fresh = compute(teamKey, iterations, current, capacity, seed, top, viewer);
        if (forecasts.size() >= CACHED_FORECASTS) {
            forecasts.keySet().removeIf(old -> old.team() == team && (old.revision() != revision || old.iteration() != current));
            if (forecasts.size() >= CACHED_FORECASTS) {
                forecasts.clear();
            }
        }
        forecasts.put(key, fresh);
        return fresh;
    }

    @Override
    public Map<Integer, String> atRisk(String team, long viewer) {
        var forecast = forecast(team, 100, DEFAULT_SEED, null, new AccountId(viewer));
        var risks = new HashMap<Integer, String>();
        forecast.atRisk().forEach(line -> risks.put(line.key().number(), line.badge()));
        return risks;
    }

    public Accuracy accuracy(String teamKey, AccountId viewer) {
        var team = teams.find(teamKey, viewer).team().id().value();
        var iterations = iterations(team);
        var daysPerPoint = models.of(teamKey, viewer).daysPerPoint().doubleValue();
        var measured = items.deliveries(teamKey, viewer).stream()
            .filter(delivery -> delivery.estimate() != null && delivery.actualHalves() != null)
            .toList();
        var grouped = new LinkedHashMap<Estimate, List<Delivery>>();
        measured.stream()
            .sorted(Comparator.comparing((Delivery delivery) -> delivery.estimate().unit()).thenComparing(delivery -> delivery.estimate().value()))
            .forEach(delivery -> grouped.computeIfAbsent(delivery.estimate(), estimate -> new ArrayList<>()).add(delivery));
        var groups = new ArrayList<Accuracy.Group>();
        var overruns = new ArrayList<Accuracy.Overrun>();
        grouped.forEach((estimate, done) -> {
            var plot = BoxPlot.of(done.stream().map(delivery -> delivery.actualDays().doubleValue()).toList());
            groups.add(new Accuracy.Group(estimate.toString(), plot));
            done.stream()
                .filter(delivery -> delivery.actualDays().doubleValue() > 2 * plot.median())
                .forEach(delivery -> overruns.add(new Accuracy.Overrun(delivery.key(), delivery.title(), estimate.toString(),
                        delivery.actualDays(), plot.median())));
        });
        var window = window(iterations, measured);
        var byIteration = byIteration(iterations, measured);
        var trend = new ArrayList<Accuracy.Trend>();
        for (int index = window[0]; index < window[1]; index++) {
            var ratios = byIteration.getOrDefault(index, List.of()).stream()
                .filter(delivery -> delivery.estimate().value().signum() > 0)
                .mapToDouble(delivery -> delivery.actualDays().doubleValue() / (delivery.estimate().value().doubleValue()
                        * (delivery.estimate().unit() == Estimate.Unit.POINTS ? daysPerPoint : 1)))
                .toArray();
            if (ratios.length > 0) {
                trend.add(new Accuracy.Trend(index, iterations.start(index), ratios.length,
                        java.util.Arrays.stream(ratios).average().orElse(0)));
            }
        }
        return new Accuracy(teamKey, groups, overruns, trend, measured.size());
    }

    private Forecast compute(String teamKey, Iterations iterations, int current, int capacity, long seed, String top,
            AccountId viewer) {
        var deliveries = items.deliveries(teamKey, viewer);
        var window = window(iterations, deliveries);
        if (window[1] - window[0] < MINIMUM_HISTORY) {
            return new Forecast(teamKey, Forecast.Unit.ITEMS, capacity, seed, 0, window[1] - window[0], true, top, List.of());
        }
        var byIteration = byIteration(iterations, deliveries);
        var sampled = new ArrayList<Delivery>();
        for (int index = window[0]; index < window[1]; index++) {
            sampled.addAll(byIteration.getOrDefault(index, List.of()));
        }
        var estimated = sampled.stream().filter(delivery -> delivery.estimate() != null).count();
        var unit = !sampled.isEmpty() && estimated >= ESTIMATED_ENOUGH * sampled.size() ? Forecast.Unit.POINTS : Forecast.Unit.ITEMS;
        var typical = typicalHalves(sampled);
        var samples = new long[window[1] - window[0]];
        for (int index = window[0]; index < window[1]; index++) {
            samples[index - window[0]] = byIteration.getOrDefault(index, List.of()).stream()
                .mapToLong(delivery -> size(unit, delivery.estimate(), typical)).sum();
        }
        var spent = byIteration.getOrDefault(current, List.of()).stream()
            .mapToLong(delivery -> size(unit, delivery.estimate(), typical)).sum();
        var queue = new ArrayList<>(queues.all(teamKey, viewer));
        if (top != null) {
            var moved = queue.stream().filter(ranked -> ranked.item().key().toString().equals(top)).findFirst()
                .orElseThrow(() -> Rejected.invalid("moveToTop", "There is no open item " + top + " in the queue."));
            queue.remove(moved);
            queue.addFirst(moved);
        }
        var sizes = new long[queue.size()];
        var deadlines = new int[queue.size()];
        for (int i = 0; i < queue.size(); i++) {
            var item = queue.get(i).item();
            sizes[i] = size(unit, item.estimate(), typical);
            deadlines[i] = item.deadline() == null ? -1
                    : Math.min(QueueSimulation.HORIZON + 1, iterations.endingBy(current - 1, item.deadline()));
        }
        var outcome = QueueSimulation.run(samples, sizes, deadlines, capacity, spent, seed, QueueSimulation.RUNS);
        var lines = new ArrayList<Forecast.Line>(queue.size());
        for (int i = 0; i < queue.size(); i++) {
            Ranked ranked = queue.get(i);
            var item = ranked.item();
            var likelihood = outcome.deadlineLikelihood()[i];
            lines.add(new Forecast.Line(i + 1, item.key(), item.title(), item.estimate(),
                    BigDecimal.valueOf(sizes[i]).divide(unit == Forecast.Unit.POINTS ? BigDecimal.TWO : BigDecimal.ONE).stripTrailingZeros(),
                    day(iterations, current, outcome.p50()[i]), day(iterations, current, outcome.p85()[i]),
                    day(iterations, current, outcome.p95()[i]), item.deadline(),
                    Double.isNaN(likelihood) ? null : (int) Math.floor(likelihood * 100 + 1e-9)));
        }
        return new Forecast(teamKey, unit, capacity, seed, QueueSimulation.RUNS, samples.length, false, top, lines);
    }

    /** The last day of the k-th iteration from the current one (1: the current one), or null beyond the horizon. */
    private static LocalDate day(Iterations iterations, int current, int k) {
        return k == 0 ? null : iterations.lastDay(current + k - 1);
    }

    /** An item's size: one in item counts; its estimate in half points, or the typical size when it has none. */
    private static long size(Forecast.Unit unit, Estimate estimate, long typical) {
        if (unit == Forecast.Unit.ITEMS) {
            return 1;
        }
        return estimate != null && estimate.agreed() ? estimate.value().multiply(BigDecimal.TWO).longValue() : typical;
    }

    private static long typicalHalves(List<Delivery> deliveries) {
        var sizes = deliveries.stream().filter(delivery -> delivery.estimate() != null)
            .mapToLong(delivery -> delivery.estimate().value().multiply(BigDecimal.TWO).longValue()).sorted().toArray();
        return sizes.length == 0 ? 2 : sizes[sizes.length / 2];
    }

    /** The completed iterations to look back on, as [from, to): at most {@link #HISTORY}, none before the first delivery. */
    private int[] window(Iterations iterations, List<Delivery> deliveries) {
        var current = iterations.indexOf(clock.instant());
        if (deliveries.isEmpty()) {
            return new int[] { current, current };
        }
        var first = deliveries.stream().mapToInt(delivery -> iterations.indexOf(delivery.doneAt())).min().orElse(current);
        return new int[] { Math.min(current, Math.max(first, current - HISTORY)), current };
    }

    private static Map<Integer, List<Delivery>> byIteration(Iterations iterations, List<Delivery> deliveries) {
        var grouped = new HashMap<Integer, List<Delivery>>();
        deliveries.forEach(delivery -> grouped.computeIfAbsent(iterations.indexOf(delivery.doneAt()), index -> new ArrayList<>()).add(delivery));
        return grouped;
    }

    private Iterations iterations(long team) {
        return settings.find(team).orElseGet(Iterations::standard);
    }
}
