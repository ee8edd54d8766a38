package dev.refinery.exchange;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.refinery.backlog.BacklogItems;
import dev.refinery.backlog.ItemImports;
import dev.refinery.estimation.PokerRounds;
import dev.refinery.identity.Account;
import dev.refinery.identity.Accounts;
import dev.refinery.identity.NewMember;
import dev.refinery.identity.NewTeam;
import dev.refinery.identity.People;
import dev.refinery.identity.Teams;
import dev.refinery.shared.MovableClock;

/**
 * What the tracker sync tests share: the application with the schedule and the outbox's worker off (the tests run
 * them, and move the clock instead of waiting), a secret key for the tokens, and a team of its own for each test in
 * which Fay facilitates and Ben is an engineer. The trackers that answer are the subclasses' own.
 */
@SpringBootTest(properties = {"refinery.webhooks.worker=false", "refinery.sync.worker=false",
        "refinery.secret-key=a-test-key-that-is-long-and-random-enough-0123456789"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MovableClock.Replacing.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class TrackerSyncFixture {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Teams teams;

    @Autowired
    BacklogItems items;

    @Autowired
    ItemImports imports;

    @Autowired
    PokerRounds poker;

    @Autowired
    WebhookDeliveries deliveries;

    @Autowired
    TrackerSyncs syncs;

    @Autowired
    MovableClock clock;

    @Autowired
    JdbcClient jdbc;

    People people;
    Account fay;
    Account ben;
    String team;
    SyncCalls calls;

    /** The name of the team each test gets. */
    abstract String teamName();

    @BeforeEach
    void teamOfFayAndBen() {
        people = new People(accounts, mvc);
        fay = people.someone("Fay");
        ben = people.someone("Ben");
        team = People.newKey();
        teams.create(new NewTeam(teamName(), team), fay.id());
        teams.add(team, new NewMember(ben.email(), "engineer"), fay.id());
        calls = new SyncCalls(mvc, items, imports, fay);
    }
}
