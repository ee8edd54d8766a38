package dev.refinery.backlog;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.refinery.identity.Account;
import dev.refinery.identity.Accounts;
import dev.refinery.identity.NewMember;
import dev.refinery.identity.NewTeam;
import dev.refinery.identity.People;
import dev.refinery.identity.Teams;
import dev.refinery.shared.ActiveContent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** The backlog and item pages, each as the full page and as the htmx fragment it swaps. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BacklogPagesTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Teams teams;

    @Autowired
    Workstreams workstreams;

    @Autowired
    BacklogItems items;

    @Autowired
    TeamTemplates teamTemplates;

    People people;
    Account ana;
    String team;

    @BeforeEach
    void team() {
        people = new People(accounts, mvc);
        ana = people.someone("Ana");
        team = People.newKey();
        teams.create(new NewTeam("Payments", team), ana.id());
        workstreams.create(team, "Checkout", "", ana.id());
    }

    @Test
    void createsAnItemFromTheBacklogWithATitleAndAWorkstream() {
        assertThat(mvc.post().uri("/teams/" + team + "/items").with(user(people.signedIn(ana))).with(csrf())
                .param("title", "Pay by SEPA").param("workstream", "Checkout"))
            .hasRedirectedUrl("/teams/" + team + "/items/" + team + "-1");
        assertThat(mvc.get().uri("/teams/" + team + "/backlog").with(user(people.signedIn(ana))))
            .hasStatusOk()
            .bodyText().contains(team + "-1", "Pay by SEPA", "missing: description, acceptance criteria, estimate");

        assertThat(mvc.post().uri("/teams/" + team + "/items").with(user(people.signedIn(ana))).with(csrf())
                .param("title", " ").param("workstream", "Checkout"))
            .hasStatusOk()
            .bodyText().contains("id=\"new-title-error\"", "Give the item a title.");
        assertThat(items.list(team, BacklogFilter.all(), ana.id()).total()).isEqualTo(1);
    }

    @Test
    void pagesTheBacklogAboveAHundredItems() {
        for (int i = 1; i <= 101; i++) {
            items.create(team, ItemPatch.empty().title("Item " + i), ana);
        }

        assertThat(mvc.get().uri("/teams/" + team + "/backlog").with(user(people.signedIn(ana))))
            .bodyText().contains("101 items", "Page 1 of 2", "Item 100").doesNotContain(">Item 101<");
        assertThat(mvc.get().uri("/teams/" + team + "/backlog?page=2").with(user(people.signedIn(ana))))
            .bodyText().contains("Page 2 of 2", "Item 101").doesNotContain(">Item 1<");
    }

    @Test
    void editsASectionInPlaceAndUpdatesReadinessAndHistoryWithIt() {
        var key = items.create(team, ItemPatch.empty().title("Pay by SEPA"), ana).key().toString();
        var url = "/teams/" + team + "/items/" + key + "/sections/estimate";

        assertThat(mvc.get().uri(url + "/edit").with(user(people.signedIn(ana))).header("HX-Request", "true"))
            .hasStatusOk()
            .bodyText().contains("name=\"version\" value=\"1\"").doesNotContain("<html")
            .satisfies(html -> assertThat(html.strip()).startsWith("<section id=\"section-estimate\""));
        var saved = mvc.post().uri(url).with(user(people.signedIn(ana))).with(csrf()).header("HX-Request", "true")
            .param("version", "1").param("kind", "value").param("value", "3").param("unit", "points").exchange();

        assertThat(saved).hasStatusOk().bodyText()
            .satisfies(html -> assertThat(html.strip()).startsWith("<section id=\"section-estimate\""))
            .contains("3 pt")
            .contains("<p id=\"readiness\"", "hx-swap-oob=\"true\"", "missing: description, acceptance criteria")
            .contains("<section id=\"history\"", "<strong>Estimate</strong>");
        assertThat(items.find(team, key, ana.id()).content().estimate()).hasToString("3 pt");
    }

    @Test
    void keepsTheActualEffortWhenTheDetailsFormDoesNotCarryItAndForgetsItWhenEmptied() {
        var key = items.create(team, ItemPatch.empty().title("Pay by SEPA").status(Status.DONE).actual(5), ana).key().toString();
        var url = "/teams/" + team + "/items/" + key + "/sections/details";

        assertThat(mvc.post().uri(url).with(user(people.signedIn(ana))).with(csrf()).header("HX-Request", "true")
                .param("version", "1").param("status", "done").param("workstream", "").param("labels", "ops"))
            .hasStatusOk().bodyText().contains("2.5 days");
        assertThat(items.find(team, key, ana.id()).content().actualDays()).isEqualByComparingTo("2.5");

        assertThat(mvc.post().uri(url).with(user(people.signedIn(ana))).with(csrf()).header("HX-Request", "true")
                .param("version", "2").param("status", "done").param("actual", "").param("workstream", "").param("labels", "ops"))
            .hasStatusOk();
        assertThat(items.find(team, key, ana.id()).content().actualDays()).isNull();
    }

    @Test
    void fallsBackToWholePagesWithoutJavaScript() {
        var key = items.create(team, ItemPatch.empty().title("Pay by SEPA"), ana).key().toString();
        var item = "/teams/" + team + "/items/" + key;

        assertThat(mvc.get().uri(item + "?edit=description").with(user(people.signedIn(ana))))
            .hasStatusOk().bodyText().contains("<html", "<textarea id=\"description\"");
        assertThat(mvc.post().uri(item + "/sections/description").with(user(people.signedIn(ana))).with(csrf())
                .param("version", "1").param("description", "Customers in **Germany** ask for it."))
            .hasRedirectedUrl(item + "#section-description");
        assertThat(mvc.get().uri(item).with(user(people.signedIn(ana))))
            .bodyText().contains("<strong>Germany</strong>");
    }

    @Test
    void showsWhatIsWrongNextToTheFieldAndKeepsWhatWasTyped() {
        var key = items.create(team, ItemPatch.empty().title("Pay by SEPA"), ana).key().toString();
        var url = "/teams/" + team + "/items/" + key + "/sections/";

        assertThat(mvc.post().uri(url + "estimate").with(user(people.signedIn(ana))).with(csrf()).header("HX-Request", "true")
                .param("version", "1").param("kind", "value").param("value", "three").param("unit", "points"))
            .hasStatusOk().bodyText()
            .contains("id=\"value-error\"", "A number, like 3 or 1.5.", "value=\"three\"");
        assertThat(mvc.post().uri(url + "technical-notes").with(user(people.signedIn(ana))).with(csrf())
                .param("version", "1").param("technicalNotes", "See the design")
                .param("linkLabel", "Design").param("linkUrl", "javascript:alert(1)"))
            .hasStatusOk().bodyText()
            .contains("<html", "id=\"linkUrl-0-error\"", "A link is an http or https address")
            .contains("See the design");
        assertThat(items.find(team, key, ana.id()).item().version()).isEqualTo(1);
    }

    @Test
    void refusesAStaleSectionEditAndSaysWhatChangedMeanwhile() {
        var key = items.create(team, ItemPatch.empty().title("Pay by SEPA"), ana).key().toString();
        var ben = member("Ben", "engineer");
        items.edit(team, key, 1, ItemPatch.empty().description("Ana's version"), ana);

        assertThat(mvc.post().uri("/teams/" + team + "/items/" + key + "/sections/description")
                .with(user(people.signedIn(ben))).with(csrf()).header("HX-Request", "true")
                .param("version", "1").param("description", "Ben's version"))
            .hasStatusOk().bodyText()
            .contains("Somebody changed " + key + " since you opened it: Ana changed description. Your edit was not saved.")
            .contains(">Ben's version</textarea>", "name=\"version\" value=\"2\"");
        assertThat(items.find(team, key, ana.id()).content().description()).isEqualTo("Ana's version");
    }

    @Test
    void showsObserversTheItemWithoutAnyWayToChangeIt() {
        var key = items.create(team, ItemPatch.empty().title("Pay by SEPA"), ana).key().toString();
        var olga = member("Olga", "observer");
        var item = "/teams/" + team + "/items/" + key;

        assertThat(mvc.get().uri(item).with(user(people.signedIn(olga))))
            .hasStatusOk().bodyText().contains("Pay by SEPA").doesNotContain(">Edit<", "Add follow-up", "New item");
        assertThat(mvc.post().uri(item + "/sections/title").with(user(people.signedIn(olga))).with(csrf())
                .param("version", "1").param("title", "Observed"))
            .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(items.find(team, key, ana.id()).content().title()).isEqualTo("Pay by SEPA");
    }

    @Test
    void addsFollowUpsAndSplitsAnItemIntoLinkedChildren() {
        var key = items.create(team, ItemPatch.empty().title("Checkout revamp").workstream("Checkout"), ana).key().toString();
        var item = "/teams/" + team + "/items/" + key;

        assertThat(mvc.post().uri(item + "/follow-ups").with(user(people.signedIn(ana))).with(csrf())
                .param("title", "Ask legal about mandates"))
            .hasRedirectedUrl("/teams/" + team + "/items/" + team + "-2");
        assertThat(mvc.post().uri(item + "/split").with(user(people.signedIn(ana))).with(csrf())
                .param("version", "1").param("titles", "Only one"))
            .hasStatusOk().bodyText().contains("Split into 2 to 20 items");
        assertThat(mvc.post().uri(item + "/split").with(user(people.signedIn(ana))).with(csrf())
                .param("version", "1").param("titles", "New payment page\r\nNew receipt page\r\n").param("removeParent", "true"))
            .hasRedirectedUrl(item + "#related");

        var parent = items.find(team, key, ana.id());
        assertThat(parent.content().status()).isEqualTo(Status.REMOVED);
        var related = items.related(team, key, ana.id());
        assertThat(related.followUps()).extracting(Related.Line::title).containsExactly("Ask legal about mandates");
        assertThat(related.splits()).extracting(Related.Line::title).containsExactly("New payment page", "New receipt page");
        assertThat(items.find(team, team + "-3", ana.id()).content())
            .satisfies(child -> assertThat(child.splitFrom()).hasToString(key))
            .satisfies(child -> assertThat(child.workstream()).isEqualTo("Checkout"));
        assertThat(mvc.get().uri(item).with(user(people.signedIn(ana))))
            .bodyText().contains("Follow-ups", "Ask legal about mandates", "Split into", "New receipt page");
    }

    @Test
    void rendersNothingActiveFromWhatPeopleWrite() {
        var attack = "<script>alert(1)</script><img src=x onerror=alert(2)>[x](javascript:alert(3))"
                + "<a href=\"javascript:alert(4)\">y</a><svg onload=alert(5)><iframe src=\"https://evil.example\"></iframe>";
        var template = new Template(List.of(new CustomField(null, "Notes", CustomField.Type.TEXT, List.of(), false)),
                Template.DEFAULT_READY, 0);
        teamTemplates.save(team, template, ana.id());
        var key = items.create(team, ItemPatch.empty()
            .title(attack)
            .description(attack)
            .technicalNotes(attack)
            .links(List.of(new Link(attack, "https://example.com/design?a=1&b=2")))
            .acceptanceCriteria(List.of(new Criterion(attack, false)))
            .deadline(null, attack)
            .labels(List.of("<b onmouseover=alert(7)>x</b>"))
            .customFields(Map.of("Notes", attack)), ana).key().toString();

        for (var page : List.of("/teams/" + team + "/items/" + key, "/teams/" + team + "/backlog",
                "/teams/" + team + "/items/" + key + "?edit=technical-notes")) {
            var html = mvc.get().uri(page).with(user(people.signedIn(ana))).exchange().getResponse();
            assertThat(ActiveContent.onPage(contentOf(html))).as(page).isEmpty();
        }
    }

    private static String contentOf(org.springframework.mock.web.MockHttpServletResponse response) {
        try {
            return response.getContentAsString();
        }
        catch (java.io.UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private Account member(String name, String role) {
        var account = people.someone(name);
        teams.add(team, new NewMember(account.email(), role), ana.id());
        return account;
    }
}
