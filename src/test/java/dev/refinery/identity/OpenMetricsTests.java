package dev.refinery.identity;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code REFINERY_METRICS_OPEN=true}: a scraper on a private network reads the metrics without a token. */
@SpringBootTest(properties = "refinery.metrics.open=true")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OpenMetricsTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void letsAnyoneReadTheMetrics() {
        assertThat(mvc.get().uri("/actuator/prometheus")).hasStatusOk().bodyText().contains("refinery_live_streams");
    }

    @Test
    void opensNothingElse() {
        assertThat(mvc.get().uri("/api/v1/teams")).hasStatus(401);
    }
}
