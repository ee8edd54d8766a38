package dev.refinery.identity;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who reads {@code /actuator/prometheus} when a scraper token is configured, and when the operator opened it. */
@SpringBootTest(properties = "refinery.metrics.token=" + MetricsScraperTests.TOKEN)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MetricsScraperTests {

    static final String TOKEN = "s3cret-scraper-token-0123456789";

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
    void letsTheScraperWithTheTokenRead() {
        assertThat(mvc.get().uri("/actuator/prometheus").header("Authorization", "Bearer " + TOKEN))
            .hasStatusOk()
            .bodyText()
            .contains("refinery_live_streams", "refinery_poker_votes_total");
    }

    @Test
    void letsAnAdministratorRead() {
        assertThat(mvc.get().uri("/actuator/prometheus").with(People.basic(people.administrator())))
            .hasStatusOk()
            .bodyText()
            .contains("refinery_live_rooms");
    }

    @Test
    void asksAnonymousCallersAndWrongTokensToSignIn() {
        assertThat(mvc.get().uri("/actuator/prometheus")).hasStatus(401).headers().containsHeader("WWW-Authenticate");
        assertThat(mvc.get().uri("/actuator/prometheus").header("Authorization", "Bearer " + TOKEN + "x")).hasStatus(401);
        assertThat(mvc.get().uri("/actuator/prometheus").header("Authorization", "Bearer " + TOKEN.substring(1))).hasStatus(401);
    }

    @Test
    void refusesMembersWhoAreNotAdministrators() {
        assertThat(mvc.get().uri("/actuator/prometheus").with(People.basic(people.someone("Ben")))).hasStatus(403);
    }

    @Test
    void keepsTheTokenToTheMetrics() {
        assertThat(mvc.get().uri("/api/v1/teams").header("Authorization", "Bearer " + TOKEN)).hasStatus(401);
        assertThat(mvc.get().uri("/actuator/health").header("Authorization", "Bearer " + TOKEN)).hasStatusOk();
    }

    @Test
    void comparesTokensByContentOnly() {
        var bearer = new MetricsScraper.BearerToken(TOKEN);
        assertThat(bearer.matches(TOKEN)).isTrue();
        assertThat(bearer.matches(TOKEN.toUpperCase())).isFalse();
        assertThat(bearer.matches("")).isFalse();
        assertThat(new MetricsScraper.BearerToken("").matches("")).as("no token configured: none matches").isFalse();
    }

    @Test
    void refusesToStartWithATokenThatCouldBeGuessed() {
        assertThatThrownBy(() -> MetricsScraper.checked("fifteen-chars-x"))
            .hasMessageContaining("REFINERY_METRICS_TOKEN (refinery.metrics.token) has at least 16 characters");
        assertThat(MetricsScraper.checked("sixteen-chars-xy")).isEqualTo("sixteen-chars-xy");
        assertThat(MetricsScraper.checked("")).as("no token: administrators only").isEmpty();
    }
}
