package dev.refinery.meeting;

import dev.refinery.backlog.ItemView;
import dev.refinery.estimation.Round;

/** One item on a session's agenda: the item with its readiness, its time box, and its pre-vote if one is open. */
public record AgendaLine(int position, ItemView item, int timeBoxMinutes, Round preVote) {

    public boolean ready() {
        return item.readiness().ready();
    }

    public int preVotes() {
        return preVote == null ? 0 : preVote.votes().size();
    }
}
