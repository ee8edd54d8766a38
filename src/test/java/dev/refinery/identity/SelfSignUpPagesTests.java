package dev.refinery.identity;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** With the setting on, people open their own accounts; they are never administrators. */
@SpringBootTest(properties = "refinery.identity.self-sign-up=true")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SelfSignUpPagesTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Test
    void letsPeopleOpenTheirOwnAccountsWhenTheSettingIsOn() {
        new People(accounts, mvc).administrator();

        assertThat(mvc.get().uri("/sign-in")).hasStatusOk().bodyText().contains("href=\"/sign-up\"");
        assertThat(mvc.post().uri("/sign-up").with(csrf())
                .param("email", "self@refinery.test").param("displayName", "").param("password", "long enough now"))
            .hasStatusOk()
            .bodyText().contains("id=\"displayName-error\"", "Enter a display name.");
        assertThat(mvc.post().uri("/sign-up").with(csrf())
                .param("email", "self@refinery.test").param("displayName", "Sol").param("password", "long enough now"))
            .hasRedirectedUrl("/sign-in?created&email=self@refinery.test");
        assertThat(accounts.find("self@refinery.test")).hasValueSatisfying(sol -> assertThat(sol.administrator()).isFalse());
    }
}
