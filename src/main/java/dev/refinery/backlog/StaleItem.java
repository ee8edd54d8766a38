package dev.refinery.backlog;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An edit made against an old version of an item: refused, never applied. Carries the item as it is now and
 * every change saved since the version the editor saw.
 */
public class StaleItem extends RuntimeException {

    private final ItemView current;
    private final List<HistoryEntry> changesSince;

    StaleItem(ItemView current, List<HistoryEntry> changesSince) {
        super("Somebody changed " + current.key() + " since you opened it: " + changesSince.stream()
            .collect(Collectors.groupingBy(HistoryEntry::author, LinkedHashMap::new,
                    Collectors.mapping(change -> HistoryLine.fieldLabel(change.field()).toLowerCase(Locale.ROOT),
                            Collectors.toCollection(LinkedHashSet::new))))
            .entrySet().stream()
            .map(byAuthor -> byAuthor.getKey() + " changed " + String.join(", ", byAuthor.getValue()))
            .collect(Collectors.joining("; ")) + ". Your edit was not saved.");
        this.current = current;
        this.changesSince = List.copyOf(changesSince);
    }

    public ItemView current() {
        return current;
    }

    public List<HistoryEntry> changesSince() {
        return changesSince;
    }
}
