package dev.refinery.identity;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** A fresh instance (a new context, so a new database): no account yet, so every page leads to the first run. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class FirstRunPagesTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Test
    void leadsEveryPageToTheFirstAdministratorsFormUntilOneExists() {
        assertThat(mvc.get().uri("/")).hasRedirectedUrl("/setup");
        assertThat(mvc.get().uri("/sign-in")).hasRedirectedUrl("/setup");
        assertThat(mvc.get().uri("/setup")).hasStatusOk().bodyText().contains("Create the first administrator")
            .contains("<link rel=\"icon\" href=\"/favicon.svg\"");
        // the tab's icon, before anyone has signed in (a browser asks for it with every page)
        assertThat(mvc.get().uri("/favicon.svg")).hasStatusOk().hasContentTypeCompatibleWith("image/svg+xml");

        assertThat(mvc.post().uri("/setup").with(csrf())
                .param("email", "not-an-email").param("displayName", "").param("password", "short"))
            .hasStatusOk()
            .bodyText()
            .contains("id=\"email-error\"", "Enter an email address like name@example.com.")
            .contains("id=\"displayName-error\"", "Enter a display name.")
            .contains("id=\"password-error\"", "A password has 12 to 128 characters.")
            .contains("value=\"not-an-email\"");
        assertThat(accounts.anyExists()).isFalse();

        assertThat(mvc.post().uri("/setup").with(csrf())
                .param("email", "Lead@Refinery.Test").param("displayName", "Lea").param("password", "long enough now"))
            .hasRedirectedUrl("/sign-in?created&email=lead@refinery.test");
        assertThat(accounts.find("lead@refinery.test")).hasValueSatisfying(lea -> assertThat(lea.administrator()).isTrue());

        assertThat(mvc.get().uri("/setup")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri("/setup").with(csrf())
                .param("email", "second@refinery.test").param("displayName", "Sam").param("password", "long enough now"))
            .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(accounts.find("second@refinery.test")).isEmpty();
        assertThat(mvc.get().uri("/").accept(MediaType.TEXT_HTML)).hasRedirectedUrl("/sign-in");
    }
}
