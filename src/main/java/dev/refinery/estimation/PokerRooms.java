package dev.refinery.estimation;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.refinery.backlog.ItemKey;
import dev.refinery.identity.Teams;
import dev.refinery.shared.LiveSnapshots;
import dev.refinery.shared.LiveUpdate;
import dev.refinery.shared.PresenceChanged;

/** The live rooms of planning poker: the table for a page that connects, and the seats of people who come and go. */
@Component
class PokerRooms implements LiveSnapshots {

    private static final Pattern ROOM = Pattern.compile("team:([A-Z]{2,10}):poker-([0-9]{1,9})");

    private final PokerRounds rounds;
    private final PokerBroadcast broadcast;
    private final Teams teams;

    PokerRooms(PokerRounds rounds, PokerBroadcast broadcast, Teams teams) {
        this.rounds = rounds;
        this.broadcast = broadcast;
        this.teams = teams;
    }

    @Override
    public boolean handles(String room) {
        return ROOM.matcher(room).matches();
    }

    @Override
    public List<LiveUpdate> current(String room) {
        var matcher = ROOM.matcher(room);
        if (!matcher.matches()) {
            return List.of();
        }
        return teams.team(matcher.group(1))
            .map(team -> broadcast.updates(rounds.board(team.id(), new ItemKey(matcher.group(1), Integer.parseInt(matcher.group(2))))))
            .orElse(List.of());
    }

    @EventListener
    void on(PresenceChanged changed) {
        var matcher = ROOM.matcher(changed.room());
        if (matcher.matches()) {
            rounds.seatsChanged(matcher.group(1), Integer.parseInt(matcher.group(2)), changed.accounts());
        }
    }
}
