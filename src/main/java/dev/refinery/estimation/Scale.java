package dev.refinery.estimation;

import java.util.List;

import dev.refinery.backlog.ItemBrief;

/**
 * A team's scale as the poker page and the meeting's room show it at any time: the cards of its deck that have
 * reference stories, in the deck's order, each with the items that show what it means. It says nothing about the
 * item being estimated.
 */
public record Scale(String unit, List<Step> steps) {

    /** One card and its reference stories. */
    public record Step(String card, List<ItemBrief> items) {

        public Step {
            items = List.copyOf(items);
        }
    }

    public static final Scale NONE = new Scale("", List.of());

    public Scale {
        steps = List.copyOf(steps);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }
}
