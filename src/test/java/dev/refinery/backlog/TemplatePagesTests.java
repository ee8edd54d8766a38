package dev.refinery.backlog;

import java.util.List;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** The template and workstream pages, and custom fields filled in on an item. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TemplatePagesTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Teams teams;

    @Autowired
    TeamTemplates templates;

    @Autowired
    BacklogItems items;

    People people;
    Account ana;
    String team;

    @BeforeEach
    void team() {
        people = new People(accounts, mvc);
        ana = people.someone("Ana");
        team = People.newKey();
        teams.create(new NewTeam("Payments", team), ana.id());
    }

    @Test
    void letsAFacilitatorSetTheDefinitionOfReadyAndAddCustomFields() {
        assertThat(mvc.get().uri("/teams/" + team + "/template").with(user(people.signedIn(ana))))
            .hasStatusOk().bodyText().contains("Definition of Ready", "value=\"description\" checked");

        assertThat(mvc.post().uri("/teams/" + team + "/template").with(user(people.signedIn(ana))).with(csrf())
                .param("version", "0").param("ready", "description", "workstream")
                .param("fieldName", "Component", "Reviewed", "").param("fieldType", "select", "checkbox", "text")
                .param("fieldOptions", "API, Web", "", "").param("fieldRequired", "0"))
            .hasRedirectedUrl("/teams/" + team + "/template?saved=1");

        var template = templates.of(team, ana.id());
        assertThat(template.definitionOfReady()).containsExactlyInAnyOrder(Section.DESCRIPTION, Section.WORKSTREAM);
        assertThat(template.customFields()).extracting(CustomField::name, CustomField::requiredForReady)
            .containsExactly(tuple("Component", true),
                    tuple("Reviewed", false));
        assertThat(template.field("Component").orElseThrow().options()).containsExactly("API", "Web");
    }

    @Test
    void showsTemplateErrorsNextToTheRowAndSavesNothing() {
        assertThat(mvc.post().uri("/teams/" + team + "/template").with(user(people.signedIn(ana))).with(csrf())
                .param("version", "0").param("ready", "description")
                .param("fieldName", "Size").param("fieldType", "select").param("fieldOptions", ""))
            .hasStatusOk().bodyText().contains("id=\"fieldOptions-0-error\"", "A select field needs at least one option.",
                    "value=\"Size\"");
        assertThat(templates.of(team, ana.id()).customFields()).isEmpty();
    }

    @Test
    void keepsTheTemplateToFacilitators() {
        var ben = people.someone("Ben");
        teams.add(team, new NewMember(ben.email(), "engineer"), ana.id());

        assertThat(mvc.get().uri("/teams/" + team + "/template").with(user(people.signedIn(ben))))
            .hasStatusOk().bodyText().contains("Only a facilitator changes the template.").doesNotContain("Save template");
        assertThat(mvc.post().uri("/teams/" + team + "/template").with(user(people.signedIn(ben))).with(csrf())
                .param("version", "0").param("ready", "labels"))
            .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(templates.of(team, ana.id()).definitionOfReady()).doesNotContain(Section.LABELS);
    }

    @Test
    void fillsCustomFieldsOnAnItemAndChecksTheirTypes() {
        templates.save(team, new Template(List.of(
                new CustomField(null, "Component", CustomField.Type.SELECT, List.of("API", "Web"), true),
                new CustomField(null, "Stories", CustomField.Type.NUMBER, List.of(), false)),
                Template.DEFAULT_READY, 0), ana.id());
        var key = items.create(team, ItemPatch.empty().title("Pay by SEPA"), ana).key().toString();
        var url = "/teams/" + team + "/items/" + key + "/sections/custom-fields";

        assertThat(mvc.post().uri(url).with(user(people.signedIn(ana))).with(csrf()).header("HX-Request", "true")
                .param("version", "1").param("field:Component", "API").param("field:Stories", "lots"))
            .hasStatusOk().bodyText().contains("Stories is a number, like 3 or 2.5.", "value=\"lots\"");
        assertThat(mvc.post().uri(url).with(user(people.signedIn(ana))).with(csrf()).header("HX-Request", "true")
                .param("version", "1").param("field:Component", "API").param("field:Stories", "4"))
            .hasStatusOk().bodyText().contains("<dd>API</dd>", "<dd>4</dd>");
        assertThat(items.find(team, key, ana.id()).readiness().missing()).doesNotContain("Component");
    }

    @Test
    void createsAndArchivesWorkstreams() {
        assertThat(mvc.post().uri("/teams/" + team + "/workstreams").with(user(people.signedIn(ana))).with(csrf())
                .param("name", "Checkout").param("description", "Paying for an order"))
            .hasRedirectedUrl("/teams/" + team + "/workstreams");
        assertThat(mvc.post().uri("/teams/" + team + "/workstreams").with(user(people.signedIn(ana))).with(csrf())
                .param("name", "Checkout"))
            .hasStatusOk().bodyText().contains("id=\"name-error\"", "There is a workstream Checkout already.");
        assertThat(mvc.post().uri("/teams/" + team + "/workstreams/archive").with(user(people.signedIn(ana))).with(csrf())
                .param("name", "Checkout").param("archived", "true"))
            .hasRedirectedUrl("/teams/" + team + "/workstreams");
        assertThat(mvc.get().uri("/teams/" + team + "/workstreams").with(user(people.signedIn(ana))))
            .bodyText().contains("Checkout", "Restore");
    }
}
