package dev.refinery.shared;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class LogContextTests {

    @Test
    void putsTheRequestIdAndTheTeamOnEveryLineOfTheRequestAndCleansUpAfter() throws Exception {
        var request = new MockHttpServletRequest("PUT", "/api/v1/teams/PAY/items/PAY-12/rounds/3/votes/me");
        request.addHeader("X-Request-Id", "lb-7f3a.42");
        var response = new MockHttpServletResponse();
        var seen = new HashMap<String, String>();

        new LogContext().doFilter(request, response, new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                seen.putAll(MDC.getCopyOfContextMap());
            }
        });

        assertThat(seen).containsExactlyInAnyOrderEntriesOf(Map.of("requestId", "lb-7f3a.42", "team", "PAY"));
        assertThat(response.getHeader("X-Request-Id")).as("echoed to the caller").isEqualTo("lb-7f3a.42");
        assertThat(MDC.get("requestId")).as("nothing left for the thread's next request").isNull();
        assertThat(MDC.get("team")).isNull();
    }

    @Test
    void makesUpAnIdWhenTheCallersIsMissingOrUnsafe() {
        assertThat(LogContext.requestId(null)).matches("[0-9a-f-]{36}");
        assertThat(LogContext.requestId("a\" , \"team\": \"ADMIN")).as("no forged JSON field").matches("[0-9a-f-]{36}");
        assertThat(LogContext.requestId("x".repeat(65))).as("no unbounded id").matches("[0-9a-f-]{36}");
        assertThat(LogContext.requestId("")).matches("[0-9a-f-]{36}");
        assertThat(LogContext.requestId("x".repeat(64))).isEqualTo("x".repeat(64));
    }

    @Test
    void readsTheTeamKeyFromPagesAndTheApiOnly() {
        assertThat(LogContext.team("/teams/PAY")).isEqualTo("PAY");
        assertThat(LogContext.team("/teams/PAY/items/PAY-3")).isEqualTo("PAY");
        assertThat(LogContext.team("/api/v1/teams/CHECKOUT/queue")).isEqualTo("CHECKOUT");
        assertThat(LogContext.team("/teams/pay/items")).as("not a team key").isNull();
        assertThat(LogContext.team("/teams/ABCDEFGHIJK")).as("longer than a key").isNull();
        assertThat(LogContext.team("/api/v1/teams")).isNull();
        assertThat(LogContext.team("/admin/teams/PAY")).isNull();
        assertThat(LogContext.team("/")).isNull();
    }
}
