package dev.refinery.prioritization;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.refinery.backlog.ItemKey;

/**
 * The order of the queue: the ranked band by score, overdue items first, then the band of items that need
 * an estimate or an input; then every pin puts its item right above or below its anchor. A pin whose anchor
 * has left the queue, or that goes round in a circle, leaves its item at its score's place.
 */
final class Ranking {

    static final Comparator<Ranked> BY_SCORE = Comparator
        .comparing((Ranked r) -> r.score().band())
        .thenComparing(r -> !r.score().overdue())
        .thenComparing(r -> r.score().overdue() ? r.item().deadline().toEpochDay() : 0L)
        .thenComparing(r -> r.score().value() == null ? java.math.BigDecimal.ZERO : r.score().value(), Comparator.reverseOrder())
        .thenComparing(r -> r.item().key().number());

    private Ranking() {
    }

    static List<Ranked> order(List<Ranked> scored, List<Pin> pins) {
        var byScore = new ArrayList<>(scored);
        byScore.sort(BY_SCORE);
        if (pins.isEmpty()) {
            return byScore;
        }
        Map<ItemKey, Pin> pinOf = new HashMap<>();
        pins.stream().sorted(Comparator.comparing(Pin::at)).forEach(pin -> pinOf.put(pin.item(), pin));
        var queue = new ArrayList<Ranked>();
        var waiting = new ArrayList<Ranked>();
        for (var entry : byScore) {
            var pin = pinOf.get(entry.item().key());
            if (pin == null) {
                queue.add(entry);
            }
            else {
                waiting.add(entry.pinned(pin));
            }
        }
        waiting.sort(Comparator.comparing(entry -> entry.pin().at()));
        boolean placed = true;
        while (!waiting.isEmpty() && placed) {
            placed = false;
            for (var iterator = waiting.iterator(); iterator.hasNext();) {
                var entry = iterator.next();
                var anchor = indexOf(queue, entry.pin().anchor());
                if (anchor >= 0) {
                    queue.add(entry.pin().placement() == Pin.Placement.ABOVE ? anchor : anchor + 1, entry);
                    iterator.remove();
                    placed = true;
                }
            }
        }
        for (var orphan : waiting) {
            var unpinned = new Ranked(orphan.item(), orphan.score(), null);
            var at = 0;
            while (at < queue.size() && BY_SCORE.compare(queue.get(at), unpinned) <= 0) {
                at++;
            }
            queue.add(at, unpinned);
        }
        return queue;
    }

    private static int indexOf(List<Ranked> queue, ItemKey key) {
        for (int i = 0; i < queue.size(); i++) {
            if (queue.get(i).item().key().equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
