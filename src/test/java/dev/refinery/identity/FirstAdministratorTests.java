package dev.refinery.identity;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.refinery.RefineryApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** REFINERY_ADMIN_EMAIL and REFINERY_ADMIN_PASSWORD, as an automated install sets them. */
class FirstAdministratorTests {

    @Test
    void createsTheFirstAdministratorAtStartUpOnlyWhileNoAccountExists() {
        var database = "jdbc:h2:mem:admin" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        try (var app = start(database, "Ops@Example.io", "from the environment")) {
            var accounts = app.getBean(Accounts.class);
            assertThat(accounts.find("ops@example.io")).hasValueSatisfying(ops -> assertThat(ops.administrator()).isTrue());
        }
        try (var restarted = start(database, "other@example.io", "from the environment")) {
            var accounts = restarted.getBean(Accounts.class);
            assertThat(accounts.all()).extracting(Account::email).containsExactly("ops@example.io");
        }
    }

    @Test
    void refusesToStartWithAPasswordThatWouldBeRefusedOnTheForm() {
        var database = "jdbc:h2:mem:admin" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";

        assertThatThrownBy(() -> start(database, "ops@example.io", "short").close())
            .hasStackTraceContaining("REFINERY_ADMIN_EMAIL and REFINERY_ADMIN_PASSWORD cannot create the first administrator")
            .hasStackTraceContaining("password: A password has 12 to 128 characters.");
    }

    private static ConfigurableApplicationContext start(String database, String email, String password) {
        return new SpringApplicationBuilder(RefineryApplication.class)
            .profiles("test")
            .properties("refinery.admin.email=" + email, "refinery.admin.password=" + password)
            .run("--server.port=0", "--spring.main.banner-mode=off", "--spring.datasource.url=" + database);
    }
}
