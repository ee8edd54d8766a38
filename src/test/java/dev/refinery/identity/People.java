package dev.refinery.identity;

import java.util.concurrent.ThreadLocalRandom;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Accounts and teams for the tests of one class, which share its database (every Spring test class closes its
 * context after it, so each class has a database of its own): every name is new, so tests never collide.
 */
public final class People {

    public static final String PASSWORD = "correct horse battery";

    private final Accounts accounts;
    private final MockMvcTester mvc;

    public People(Accounts accounts, MockMvcTester mvc) {
        this.accounts = accounts;
        this.mvc = mvc;
    }

    /** The first administrator, created on first use. */
    public Account administrator() {
        return accounts.find("admin@refinery.test").orElseGet(() -> accounts.anyExists()
                ? accounts.open(new NewAccount("admin@refinery.test", "Admin", PASSWORD))
                : accounts.openFirstAdministrator(new NewAccount("admin@refinery.test", "Admin", PASSWORD)));
    }

    public Account someone(String name) {
        administrator();
        return accounts.open(new NewAccount(name.split(" ")[0].toLowerCase() + "." + token() + "@refinery.test", name, PASSWORD));
    }

    public SignedInAccount signedIn(Account account) {
        return accounts.loadUserByUsername(account.email());
    }

    public static RequestPostProcessor basic(Account account) {
        return httpBasic(account.email(), PASSWORD);
    }

    public MockMvcRequestBuilder postJson(String uri, Account as, String json) {
        return mvc.post().uri(uri).with(basic(as)).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    /** A team key no other test has used: capital letters only. */
    public static String newKey() {
        var random = ThreadLocalRandom.current();
        var key = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            key.append((char) ('A' + random.nextInt(26)));
        }
        return key.toString();
    }

    private static String token() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }
}
