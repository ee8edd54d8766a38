package dev.refinery.meeting;

import java.time.Clock;
import java.util.ArrayList;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.refinery.backlog.BacklogItems;
import dev.refinery.backlog.ItemContent;
import dev.refinery.backlog.ItemKey;
import dev.refinery.identity.Account;
import dev.refinery.identity.Teams;
import dev.refinery.shared.NotFound;
import dev.refinery.shared.Rejected;

/**
 * The questions of a live meeting: anybody there asks one on the current item (guests under the name they gave), and
 * the facilitator answers it, folding the answer into the task in the same step.
 */
@Component
public class MeetingQuestions {

    private final RefinementSessionRepository sessions;
    private final SessionAccess access;
    private final GuestAccess guests;
    private final Teams teams;
    private final BacklogItems items;
    private final SessionRoomEvents room;
    private final Clock clock;

    MeetingQuestions(RefinementSessionRepository sessions, SessionAccess access, GuestAccess guests, Teams teams, BacklogItems items, SessionRoomEvents room, Clock clock) {
        this.sessions = sessions;
        this.access = access;
        this.guests = guests;
        this.teams = teams;
        this.items = items;
        this.room = room;
        this.clock = clock;
    }

    /** Anybody in the meeting asks a question on the current item. */
    @Transactional
    public void ask(String teamKey, long id, String question, Account by) {
        put(access.live(teams.find(teamKey, by.id()), id), by.displayName(), question);
    }

    /** The question goes on the current item; the rooms fetch only their questions again, nothing else changed. */
    private void put(RefinementSession session, String author, String question) {
        var text = question == null ? "" : question.strip();
        if (text.isEmpty() || text.length() > 1000) {
            throw Rejected.invalid("question", "Ask in 1 to 1,000 characters.");
        }
        sessions.ask(session.id(), session.currentNumber(), author, text, clock.instant());
        room.questions(session.team(), session.id());
    }

    /** Where an answer goes: nowhere else, the item's technical notes, a new acceptance criterion, or a follow-up task. */
    public enum Fold {
        NONE, NOTE, CRITERION, FOLLOW_UP
    }

    /** The facilitator answers a question and, in the same step, folds the answer into the task. */
    @Transactional
    public void answer(String teamKey, long id, long questionId, String answer, Fold fold, Account by) {
        var session = access.live(access.facilitator(teamKey, id, by.id()), id);
        var text = answer == null ? "" : answer.strip();
        if (text.isEmpty() || text.length() > 1000) {
            throw Rejected.invalid("answer", "Answer in 1 to 1,000 characters.");
        }
        var question = sessions.questions(id).stream().filter(q -> q.id() == questionId).findFirst()
            .orElseThrow(() -> new NotFound("No question " + questionId + " in this session."));
        var itemKey = new ItemKey(teamKey, question.itemNumber()).toString();
        switch (fold) {
            case NOTE -> {
                var item = items.find(teamKey, itemKey, by.id());
                var notes = item.content().technicalNotes();
                var added = (notes.isBlank() ? "" : notes + "\n\n") + "**Q:** " + question.text() + "\n**A:** " + text;
                items.edit(teamKey, itemKey, item.item().version(), dev.refinery.backlog.ItemPatch.empty().technicalNotes(added), by);
            }
            case CRITERION -> {
                var item = items.find(teamKey, itemKey, by.id());
                var criteria = new ArrayList<>(item.content().acceptanceCriteria());
                criteria.add(new dev.refinery.backlog.Criterion(text, false));
                items.edit(teamKey, itemKey, item.item().version(), dev.refinery.backlog.ItemPatch.empty().acceptanceCriteria(criteria), by);
            }
            case FOLLOW_UP -> items.followUp(teamKey, itemKey, LiveMeetings.truncate(text, ItemContent.TITLE_MAX), by);
            case NONE -> {
            }
        }
        if (!sessions.answer(id, questionId, text, fold.name().toLowerCase().replace('_', '-'), clock.instant())) {
            throw Rejected.conflict("answer", "This question has an answer already.");
        }
        // an answer folded into the task changed the task as well: the whole room
        if (fold == Fold.NONE) {
            room.questions(teamKey, id);
        }
        else {
            room.changed(teamKey, id);
        }
    }


    /** A guest asks a question on the current item, under the name they gave. */
    @Transactional
    public void askAsGuest(String token, String name, String question) {
        var session = guests.guestSession(token);
        if (session.state() != SessionState.LIVE) {
            throw Rejected.conflict("state", "The meeting is not live.");
        }
        put(session, name + " (guest)", question);
    }

}
