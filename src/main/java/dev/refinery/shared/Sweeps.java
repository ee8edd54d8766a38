package dev.refinery.shared;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Runs every {@link Sweep} on the schedule {@code refinery.cleanup.cron}, on every node: each sweep is a DELETE
 * bounded by time, so that nodes sweeping at once only find less to remove, and no node needs to be chosen. What a
 * sweep removed is counted in {@code refinery.cleanup.removed} (tag {@code kind}) and logged in one line.
 */
@Component
public class Sweeps {

    private static final Logger log = LoggerFactory.getLogger(Sweeps.class);

    private final List<Sweep> sweeps;
    private final Clock clock;
    private final Map<String, Counter> removed = new LinkedHashMap<>();

    Sweeps(List<Sweep> sweeps, Clock clock, MeterRegistry meters) {
        this.sweeps = List.copyOf(sweeps);
        this.clock = clock;
        // registered at start, so that a scraper sees every kind at 0 before anything was removed
        this.sweeps.forEach(sweep -> removed.put(sweep.kind(), Counter.builder("refinery.cleanup.removed")
            .description("Rows (and what they held) removed because they were past their retention")
            .tag("kind", sweep.kind())
            .register(meters)));
    }

    /** Runs each sweep once, now; a sweep that fails is tried again at the next run and does not stop the others. */
    @Scheduled(cron = "${refinery.cleanup.cron}")
    public Map<String, Long> sweep() {
        var now = clock.instant();
        var counts = new LinkedHashMap<String, Long>();
        for (var sweep : sweeps) {
            try {
                var count = sweep.sweep(now);
                counts.put(sweep.kind(), count);
                if (count > 0) {
                    removed.get(sweep.kind()).increment(count);
                    log.info("Clean-up removed {} {}", count, sweep.kind());
                }
            }
            catch (RuntimeException failed) {
                log.warn("Clean-up of {} failed, tried again at the next run: {}", sweep.kind(), failed.toString());
            }
        }
        return counts;
    }
}
