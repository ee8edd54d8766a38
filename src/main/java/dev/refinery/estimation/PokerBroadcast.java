package dev.refinery.estimation;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.refinery.backlog.ItemKey;
import dev.refinery.shared.LiveUpdate;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/** Sends the poker table of an item to its live room, rendered once for everyone (it holds no hidden card). */
@Component
class PokerBroadcast {

    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");

    private final TemplateEngine templates;
    private final ApplicationEventPublisher events;

    PokerBroadcast(TemplateEngine templates, ApplicationEventPublisher events) {
        this.templates = templates;
        this.events = events;
    }

    /** The live room of an item's poker: its team's room, then the item. */
    static String room(ItemKey item) {
        return "team:" + item.team() + ":poker-" + item.number();
    }

    void board(PokerBoard board) {
        var html = render(board);
        board.rooms().forEach(room -> events.publishEvent(new LiveUpdate(room, "board", html)));
    }

    /**
     * One vote while the round is open: only the round's count and the voter's seat (a tick, never the card),
     * a few hundred bytes whatever the size of the table.
     */
    void vote(PokerBoard board, long voter) {
        var seat = board.seats().stream().filter(s -> s.account() == voter).findFirst();
        if (seat.isEmpty()) {
            board(board);
            return;
        }
        var html = new StringOutput();
        templates.render("estimation/vote.jte", Map.of("board", board, "seat", seat.get()), html);
        publish(board, "vote", oneLine(html.toString()));
    }

    /**
     * People came or went: only their seats (present or away, never a hidden card), and nothing when the table
     * shows no seats yet.
     */
    void seats(PokerBoard board, Set<Long> accounts) {
        var seats = board.seats().stream().filter(seat -> accounts.contains(seat.account())).toList();
        if (board.noRound() || seats.isEmpty()) {
            return;
        }
        var html = new StringOutput();
        templates.render("estimation/seats.jte", Map.of("seats", seats), html);
        publish(board, "seats", oneLine(html.toString()));
    }

    private void publish(PokerBoard board, String event, String html) {
        board.rooms().forEach(room -> events.publishEvent(new LiveUpdate(room, event, html)));
    }

    /**
     * A fragment sent to every participant on one line: each line of an event costs its own "data:", and the
     * templates' indentation shows as one space anyway (none of these fragments holds preformatted text).
     */
    private static String oneLine(String html) {
        return LINE_BREAKS.matcher(html.strip()).replaceAll(" ");
    }

    /** The table as a fragment, for a page that (re)connects to the item's poker page. */
    List<LiveUpdate> updates(PokerBoard board) {
        return List.of(new LiveUpdate(room(board.item()), "board", render(board)));
    }

    String render(PokerBoard board) {
        var html = new StringOutput();
        templates.render("estimation/board.jte", Map.of("board", board), html);
        return html.toString();
    }
}
