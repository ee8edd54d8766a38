package dev.refinery.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import dev.refinery.backlog.BacklogItems;
import dev.refinery.backlog.Estimate;
import dev.refinery.backlog.ItemPatch;
import dev.refinery.backlog.Status;
import dev.refinery.identity.Accounts;
import dev.refinery.identity.NewTeam;
import dev.refinery.identity.People;
import dev.refinery.identity.Teams;
import dev.refinery.shared.MovableClock;

/** Done times, actual efforts and iteration settings as the database keeps them, on each database (see the subclasses). */
@SpringBootTest
@ActiveProfiles("test")
@Import(MovableClock.Replacing.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class DeliveryFactsTests {

    @Autowired
    Accounts accounts;

    @Autowired
    Teams teams;

    @Autowired
    BacklogItems items;

    @Autowired
    IterationSettingRepository settings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MovableClock clock;

    @Test
    void recordsWhenAnItemIsDoneAndForgetsItWhenItLeavesDone() {
        var ana = new People(accounts, null).someone("Ana");
        var team = People.newKey();
        teams.create(new NewTeam("Payments", team), ana.id());
        var key = items.create(team, ItemPatch.empty().title("Refunds")
            .estimate(Estimate.of(BigDecimal.valueOf(3), Estimate.Unit.POINTS)), ana).key().toString();
        assertThat(items.deliveries(team, ana.id())).isEmpty();

        var doneAt = clock.instant();
        items.edit(team, key, 1, ItemPatch.empty().status(Status.DONE).actual(5), ana);
        clock.move(Duration.ofHours(3));
        items.edit(team, key, 2, ItemPatch.empty().title("Refunds by card"), ana);

        var delivered = items.deliveries(team, ana.id());
        assertThat(delivered).hasSize(1);
        assertThat(delivered.getFirst().doneAt()).isCloseTo(doneAt, within(1, ChronoUnit.MILLIS));
        assertThat(delivered.getFirst().actualDays()).isEqualByComparingTo("2.5");
        assertThat(delivered.getFirst().estimate().value()).isEqualByComparingTo("3");

        items.edit(team, key, 3, ItemPatch.empty().status(Status.PLANNED), ana);
        assertThat(items.deliveries(team, ana.id())).isEmpty();
        assertThat(items.find(team, key, ana.id()).content().actualHalves()).isEqualTo(5);

        var again = clock.instant();
        items.edit(team, key, 4, ItemPatch.empty().status(Status.DONE), ana);
        assertThat(items.deliveries(team, ana.id())).singleElement()
            .satisfies(delivery -> assertThat(delivery.doneAt()).isCloseTo(again, within(1, ChronoUnit.MILLIS)));
        assertThat(items.history(team, key, ana.id())).anySatisfy(line -> assertThat(line.toString()).contains("2.5 days"));
    }

    @Test
    void keepsTheActualEffortWithinItsBounds() {
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO backlog_item (team_id, item_number, title, status, created_at, updated_at, actual_halves)
                VALUES (-1, 1, 'Too long', 'done', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1999)
                """).update()).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void savesIterationsOverTheVersionRead() {
        var team = -System.nanoTime();
        assertThat(settings.find(team)).isEmpty();
        var berlin = new Iterations(2, LocalDate.of(2026, 1, 5), ZoneId.of("Europe/Berlin"), 0);

        assertThat(settings.save(team, berlin)).isTrue();
        assertThat(settings.save(team, berlin)).as("a second first save").isFalse();
        var saved = settings.find(team).orElseThrow();
        assertThat(saved).isEqualTo(new Iterations(2, LocalDate.of(2026, 1, 5), ZoneId.of("Europe/Berlin"), 1));

        assertThat(settings.save(team, new Iterations(3, LocalDate.of(2026, 1, 12), ZoneId.of("UTC"), 1))).isTrue();
        assertThat(settings.save(team, new Iterations(1, LocalDate.of(2026, 1, 12), ZoneId.of("UTC"), 1))).as("stale").isFalse();
        assertThat(settings.find(team).orElseThrow().lengthWeeks()).isEqualTo(3);
        assertThatThrownBy(() -> jdbc.sql("UPDATE reporting_iteration_setting SET length_weeks = 5 WHERE team_id = :team")
            .param("team", team).update()).isInstanceOf(DataIntegrityViolationException.class);
    }
}
