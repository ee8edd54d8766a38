package dev.refinery.meeting;

import dev.refinery.backlog.ItemView;
import dev.refinery.estimation.Round;

/**
 * One item on a session's agenda: the item with its readiness, its time box, its pre-vote if one is open,
 * and in the meeting the time spent on it, whether it was reviewed and its outcome.
 */
public record AgendaLine(int position, ItemView item, int timeBoxMinutes, Round preVote, int spentSeconds, boolean reviewed,
        Outcome outcome, String outcomeNote, Integer queueBefore) {

    public boolean ready() {
        return item.readiness().ready();
    }

    public int preVotes() {
        return preVote == null ? 0 : preVote.votes().size();
    }
}
