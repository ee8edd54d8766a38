package dev.refinery.estimation;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Planning poker as Prometheus counts it: cards cast (a changed card counts again) and reveals by what revealed the
 * round. Counted once the change has committed, so a vote that was rolled back is not counted.
 */
@Component
class PokerMeters {

    /** What revealed a round: the facilitator, or the last present voter's card (auto-reveal). */
    enum Trigger {
        FACILITATOR, ALL_VOTED
    }

    private final Counter votes;
    private final Map<Trigger, Counter> reveals = new EnumMap<>(Trigger.class);

    PokerMeters(MeterRegistry registry) {
        this.votes = Counter.builder("refinery.poker.votes")
            .description("Cards cast in planning poker rounds, a changed card counted again")
            .register(registry);
        for (var trigger : Trigger.values()) {
            reveals.put(trigger, Counter.builder("refinery.poker.reveals")
                .description("Planning poker rounds revealed, by what revealed them")
                .tag("trigger", trigger.name().toLowerCase(Locale.ROOT))
                .register(registry));
        }
    }

    void voted() {
        afterCommit(votes::increment);
    }

    void revealed(Trigger trigger) {
        afterCommit(reveals.get(trigger)::increment);
    }

    private static void afterCommit(Runnable count) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            count.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                count.run();
            }
        });
    }
}
