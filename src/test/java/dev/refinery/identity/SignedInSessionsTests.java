package dev.refinery.identity;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Where a person is signed in: real sign-ins through the form, sessions kept by Spring Session in the database, and
 * signing out the others, which the other browser notices on its next request. On each database (see the subclasses).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class SignedInSessionsTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    People people;

    @BeforeEach
    void people() {
        people = new People(accounts, mvc);
    }

    @Test
    void listsEverySessionWithItsBrowserAndAddressAndMarksTheCurrentOne() throws Exception {
        var ana = people.someone("Ana");
        var laptop = signIn(ana, "Laptop Browser/1.0", "10.2.0.1");
        signIn(ana, "Phone Browser/2.0", "10.2.0.2");
        var bert = people.someone("Bert");
        signIn(bert, "Bert Browser/3.0", "10.2.0.3");

        var page = mvc.get().uri("/account").accept(MediaType.TEXT_HTML).cookie(laptop).exchange();

        assertThat(page).hasStatusOk();
        var body = page.getResponse().getContentAsString();
        var list = body.substring(body.indexOf("id=\"session-list\""), body.indexOf("</ul>", body.indexOf("id=\"session-list\"")));
        assertThat(list).contains("Laptop Browser/1.0", "from 10.2.0.1", "Phone Browser/2.0", "from 10.2.0.2", "This browser")
            .doesNotContain("Bert Browser/3.0");
        assertThat(list.indexOf("Laptop Browser/1.0")).as("the current session comes first").isLessThan(list.indexOf("Phone Browser/2.0"));
        assertThat(list.split("This browser", -1)).hasSize(2);
        assertThat(list.split("/sign-out\"", -1)).as("a sign-out form for the other session only").hasSize(2);
        assertThat(body).contains("Sign out everywhere else");
    }

    @Test
    void signsOutEverywhereElseAtOnceAndKeepsTheCurrentSession() {
        var ana = people.someone("Ana");
        var laptop = signIn(ana, "Laptop Browser/1.0", "10.2.1.1");
        var phone = signIn(ana, "Phone Browser/2.0", "10.2.1.2");
        var tablet = signIn(ana, "Tablet Browser/3.0", "10.2.1.3");
        var bert = people.someone("Bert");
        var bertsLaptop = signIn(bert, "Bert Browser/3.0", "10.2.1.4");

        assertThat(mvc.post().uri("/account/sessions/sign-out-others").cookie(laptop).with(csrf()))
            .hasRedirectedUrl("/account?signed-out=2#sessions");

        assertThat(mvc.get().uri("/account").accept(MediaType.TEXT_HTML).cookie(phone)).hasRedirectedUrl("/sign-in");
        assertThat(mvc.get().uri("/account").accept(MediaType.TEXT_HTML).cookie(tablet)).hasRedirectedUrl("/sign-in");
        assertThat(mvc.get().uri("/account?signed-out=2").accept(MediaType.TEXT_HTML).cookie(laptop)).hasStatusOk()
            .bodyText().contains("2 other sessions are signed out.", "Laptop Browser/1.0").doesNotContain("Phone Browser/2.0")
            .doesNotContain("Sign out everywhere else");
        assertThat(mvc.get().uri("/account").accept(MediaType.TEXT_HTML).cookie(bertsLaptop)).as("another account's session stays").hasStatusOk();
    }

    @Test
    void signsOutOneOtherSessionByItsHandle() throws Exception {
        var ana = people.someone("Ana");
        var laptop = signIn(ana, "Laptop Browser/1.0", "10.2.2.1");
        var phone = signIn(ana, "Phone Browser/2.0", "10.2.2.2");
        var tablet = signIn(ana, "Tablet Browser/3.0", "10.2.2.3");
        var body = mvc.get().uri("/account").accept(MediaType.TEXT_HTML).cookie(laptop).exchange().getResponse().getContentAsString();
        var phoneLine = body.substring(body.indexOf("Phone Browser/2.0"));
        var action = phoneLine.substring(phoneLine.indexOf("action=\"") + 8, phoneLine.indexOf("\"", phoneLine.indexOf("action=\"") + 8));
        assertThat(action).matches("/account/sessions/[0-9a-f]{32}/sign-out");

        assertThat(mvc.post().uri(action).cookie(laptop).with(csrf())).hasRedirectedUrl("/account?signed-out=1#sessions");

        assertThat(mvc.get().uri("/account").accept(MediaType.TEXT_HTML).cookie(phone)).hasRedirectedUrl("/sign-in");
        assertThat(mvc.get().uri("/account").accept(MediaType.TEXT_HTML).cookie(tablet)).hasStatusOk();
        assertThat(mvc.get().uri("/account").accept(MediaType.TEXT_HTML).cookie(laptop)).hasStatusOk();
    }

    @Test
    void anotherAccountCannotSignOutASessionByItsHandle() throws Exception {
        var ana = people.someone("Ana");
        var laptop = signIn(ana, "Laptop Browser/1.0", "10.2.3.1");
        var phone = signIn(ana, "Phone Browser/2.0", "10.2.3.2");
        var body = mvc.get().uri("/account").accept(MediaType.TEXT_HTML).cookie(laptop).exchange().getResponse().getContentAsString();
        var phoneLine = body.substring(body.indexOf("Phone Browser/2.0"));
        var action = phoneLine.substring(phoneLine.indexOf("action=\"") + 8, phoneLine.indexOf("\"", phoneLine.indexOf("action=\"") + 8));
        var bert = people.someone("Bert");
        var bertsLaptop = signIn(bert, "Bert Browser/3.0", "10.2.3.3");

        assertThat(mvc.post().uri(action).cookie(bertsLaptop).with(csrf())).hasRedirectedUrl("/account?signed-out=1#sessions");
        assertThat(mvc.post().uri("/account/sessions/sign-out-others").cookie(bertsLaptop).with(csrf()))
            .hasRedirectedUrl("/account?signed-out=0#sessions");

        assertThat(mvc.get().uri("/account").accept(MediaType.TEXT_HTML).cookie(phone)).hasStatusOk();
        assertThat(mvc.get().uri("/account").accept(MediaType.TEXT_HTML).cookie(laptop)).hasStatusOk();
    }

    @Test
    void refusesSigningOutWithoutACsrfToken() {
        var ana = people.someone("Ana");
        var laptop = signIn(ana, "Laptop Browser/1.0", "10.2.4.1");
        var phone = signIn(ana, "Phone Browser/2.0", "10.2.4.2");

        assertThat(mvc.post().uri("/account/sessions/sign-out-others").cookie(laptop)).hasStatus4xxClientError();

        assertThat(mvc.get().uri("/account").accept(MediaType.TEXT_HTML).cookie(phone)).hasStatusOk();
    }

    /** Signs in through the form as a browser would, and answers the session cookie it got. */
    private Cookie signIn(Account account, String userAgent, String address) {
        var result = mvc.post().uri("/sign-in").with(csrf())
            .header("User-Agent", userAgent)
            .with(request -> {
                request.setRemoteAddr(address);
                return request;
            })
            .param("email", account.email()).param("password", People.PASSWORD)
            .exchange();
        assertThat(result).hasRedirectedUrl("/");
        var cookie = result.getResponse().getCookie("SESSION");
        assertThat(cookie).isNotNull();
        return cookie;
    }
}
