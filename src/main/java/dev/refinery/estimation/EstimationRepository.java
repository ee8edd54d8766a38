package dev.refinery.estimation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import dev.refinery.backlog.Estimate;
import dev.refinery.backlog.ItemKey;

@Repository
class EstimationRepository {

    private final JdbcClient jdbc;

    EstimationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PokerSettings> settings(long team) {
        return jdbc.sql("""
                SELECT deck_kind, numbers, custom_unit, auto_reveal, hide_anchors, pm_votes, suggest, version
                FROM estimation_settings
                WHERE team_id = :team
                """)
            .param("team", team)
            .query((rs, row) -> new PokerSettings(Deck.Kind.of(rs.getString("deck_kind")).orElseThrow(),
                    numbers(rs.getString("numbers")), Estimate.Unit.of(rs.getString("custom_unit")).orElseThrow(),
                    rs.getBoolean("auto_reveal"), rs.getBoolean("hide_anchors"), rs.getBoolean("pm_votes"), rs.getBoolean("suggest"),
                    List.of(), rs.getInt("version")))
            .optional()
            .map(settings -> new PokerSettings(settings.kind(), settings.numbers(), settings.customUnit(), settings.autoReveal(),
                    settings.hideAnchors(), settings.pmVotes(), settings.suggest(), inDeckOrder(settings, references(team)), settings.version()));
    }

    private static List<PokerSettings.References> inDeckOrder(PokerSettings settings, List<PokerSettings.References> references) {
        var faces = settings.deck().cards().stream().map(Card::face).toList();
        return references.stream()
            .sorted(java.util.Comparator.comparingInt(refs -> faces.indexOf(refs.card()) < 0 ? Integer.MAX_VALUE : faces.indexOf(refs.card())))
            .toList();
    }

    /** The team's reference stories, card by card (in no particular order of cards). */
    private List<PokerSettings.References> references(long team) {
        var byCard = new java.util.LinkedHashMap<String, List<ItemKey>>();
        jdbc.sql("""
                SELECT card, team_key, item_number
                FROM estimation_reference
                WHERE team_id = :team
                ORDER BY card, item_order
                """)
            .param("team", team)
            .query(rs -> {
                byCard.computeIfAbsent(rs.getString("card"), card -> new ArrayList<>())
                    .add(new ItemKey(rs.getString("team_key"), rs.getInt("item_number")));
            });
        return byCard.entrySet().stream().map(entry -> new PokerSettings.References(entry.getKey(), entry.getValue())).toList();
    }

    boolean save(long team, PokerSettings settings) {
        var numbers = settings.numbers().stream().map(BigDecimal::toPlainString).collect(Collectors.joining(","));
        boolean saved;
        if (settings.version() == 0 && settings(team).isEmpty()) {
            saved = jdbc.sql("""
                    INSERT INTO estimation_settings (team_id, deck_kind, numbers, custom_unit, auto_reveal, hide_anchors, pm_votes,
                        suggest, version)
                    VALUES (:team, :kind, :numbers, :unit, :autoReveal, :hideAnchors, :pmVotes, :suggest, 1)
                    """)
                .param("team", team).param("kind", settings.kind().code()).param("numbers", numbers)
                .param("unit", settings.customUnit().code()).param("autoReveal", settings.autoReveal())
                .param("hideAnchors", settings.hideAnchors()).param("pmVotes", settings.pmVotes())
                .param("suggest", settings.suggest())
                .update() == 1;
        }
        else {
            saved = jdbc.sql("""
                    UPDATE estimation_settings
                    SET deck_kind = :kind, numbers = :numbers, custom_unit = :unit, auto_reveal = :autoReveal,
                        hide_anchors = :hideAnchors, pm_votes = :pmVotes, suggest = :suggest, version = version + 1
                    WHERE team_id = :team AND version = :version
                    """)
                .param("team", team).param("kind", settings.kind().code()).param("numbers", numbers)
                .param("unit", settings.customUnit().code()).param("autoReveal", settings.autoReveal())
                .param("hideAnchors", settings.hideAnchors()).param("pmVotes", settings.pmVotes())
                .param("suggest", settings.suggest()).param("version", settings.version())
                .update() == 1;
        }
        if (saved) {
            jdbc.sql("DELETE FROM estimation_reference WHERE team_id = :team").param("team", team).update();
            for (var references : settings.references()) {
                for (int position = 0; position < references.items().size(); position++) {
                    jdbc.sql("""
                            INSERT INTO estimation_reference (team_id, card, item_order, team_key, item_number)
                            VALUES (:team, :card, :order, :teamKey, :item)
                            """)
                        .param("team", team).param("card", references.card()).param("order", position)
                        .param("teamKey", references.items().get(position).team())
                        .param("item", references.items().get(position).number())
                        .update();
                }
            }
        }
        return saved;
    }

    long open(long team, ItemKey item, Deck deck, String openedBy, Instant at) {
        jdbc.sql("""
                UPDATE estimation_round SET status = 'closed', version = version + 1
                WHERE team_id = :team AND item_number = :item AND status IN ('voting', 'revealed')
                """)
            .param("team", team).param("item", item.number()).update();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO estimation_round (team_id, team_key, item_number, status, deck_kind, deck_unit, deck_cards,
                    opened_by, opened_at)
                VALUES (:team, :teamKey, :item, 'voting', :kind, :unit, :cards, :openedBy, :at)
                """)
            .param("team", team).param("teamKey", item.team()).param("item", item.number())
            .param("kind", deck.kind().code()).param("unit", deck.unit().code())
            .param("cards", deck.cards().stream().map(card -> card.face() + "=" + card.value().toPlainString())
                .collect(Collectors.joining(",")))
            .param("openedBy", openedBy)
            .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
            .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** The item's rounds, newest first. */
    List<Round> rounds(long team, ItemKey item) {
        var rounds = jdbc.sql(SELECT_ROUND + " WHERE team_id = :team AND item_number = :item ORDER BY id DESC")
            .param("team", team).param("item", item.number())
            .query(this::round)
            .list();
        return rounds.stream().map(this::withVotes).toList();
    }

    /** The item's newest round, if any. */
    Optional<Round> latest(long team, ItemKey item) {
        return jdbc.sql(SELECT_ROUND + " WHERE team_id = :team AND item_number = :item ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
            .param("team", team).param("item", item.number())
            .query(this::round)
            .optional()
            .map(this::withVotes);
    }

    Optional<Round> round(long team, long id) {
        return round(team, id, "");
    }

    /**
     * Locks a round until the transaction ends, so that votes, reveals and agreements on it take turns and each
     * sees the votes committed before it (two last votes at once would otherwise each miss the other).
     */
    void lock(long round) {
        jdbc.sql("SELECT id FROM estimation_round WHERE id = :round FOR UPDATE").param("round", round).query(Long.class).optional();
    }

    /** A round of the team read under its lock (see {@link #lock}), with the votes committed before it. */
    Optional<Round> locked(long team, long id) {
        return round(team, id, " FOR UPDATE");
    }

    private Optional<Round> round(long team, long id, String lock) {
        return jdbc.sql(SELECT_ROUND + " WHERE team_id = :team AND id = :id" + lock)
            .param("team", team).param("id", id)
            .query(this::round)
            .optional()
            .map(this::withVotes);
    }

    void vote(long round, Vote vote, Instant at) {
        var updated = jdbc.sql("""
                UPDATE estimation_vote SET card = :card, voter_name = :name, voted_at = :at
                WHERE round_id = :round AND account_id = :voter
                """)
            .param("card", vote.card().face()).param("name", vote.name())
            .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
            .param("round", round).param("voter", vote.voter())
            .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO estimation_vote (round_id, account_id, voter_name, card, voted_at)
                    VALUES (:round, :voter, :name, :card, :at)
                    """)
                .param("round", round).param("voter", vote.voter()).param("name", vote.name())
                .param("card", vote.card().face()).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
        }
    }

    /** Moves a round from one status to the next; false when it was not in {@code from} any more. */
    boolean move(long round, Round.Status from, Round.Status to, String agreed) {
        return jdbc.sql("""
                UPDATE estimation_round
                SET status = :to, agreed_card = :agreed, revealed = revealed OR :to = 'revealed', version = version + 1
                WHERE id = :round AND status = :from
                """)
            .param("to", to.code()).param("agreed", agreed, java.sql.Types.VARCHAR)
            .param("round", round).param("from", from.code())
            .update() == 1;
    }

    void explained(long round, long voter) {
        jdbc.sql("INSERT INTO estimation_reason (round_id, account_id) VALUES (:round, :voter)")
            .param("round", round).param("voter", voter).update();
    }

    Set<Long> explainedBy(long round) {
        return Set.copyOf(jdbc.sql("SELECT account_id FROM estimation_reason WHERE round_id = :round")
            .param("round", round).query(Long.class).list());
    }

    private static final String SELECT_ROUND = """
            SELECT id, team_key, item_number, status, deck_kind, deck_unit, deck_cards, opened_by, opened_at, agreed_card, revealed
            FROM estimation_round
            """;

    private Round round(ResultSet rs, int row) throws SQLException {
        var cards = new ArrayList<Card>();
        for (var entry : rs.getString("deck_cards").split(",")) {
            var parts = entry.split("=");
            cards.add(new Card(parts[0], new BigDecimal(parts[1])));
        }
        var deck = new Deck(Deck.Kind.of(rs.getString("deck_kind")).orElseThrow(),
                Estimate.Unit.of(rs.getString("deck_unit")).orElseThrow(), cards);
        var agreed = rs.getString("agreed_card");
        return new Round(rs.getLong("id"), new ItemKey(rs.getString("team_key"), rs.getInt("item_number")),
                Round.Status.valueOf(rs.getString("status").toUpperCase()), rs.getBoolean("revealed"), deck, List.of(),
                agreed == null ? null : deck.card(agreed).orElse(null), rs.getString("opened_by"),
                rs.getObject("opened_at", OffsetDateTime.class).toInstant());
    }

    private Round withVotes(Round round) {
        var votes = jdbc.sql("""
                SELECT account_id, voter_name, card FROM estimation_vote WHERE round_id = :round ORDER BY voter_name, account_id
                """)
            .param("round", round.id())
            .query((rs, row) -> new Vote(rs.getLong("account_id"), rs.getString("voter_name"),
                    round.deck().card(rs.getString("card")).orElse(Card.UNKNOWN)))
            .list();
        return new Round(round.id(), round.item(), round.status(), round.shown(), round.deck(), votes, round.agreed(),
                round.openedBy(), round.openedAt());
    }

    private static List<BigDecimal> numbers(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(BigDecimal::new).toList();
    }
}
