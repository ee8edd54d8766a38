package dev.refinery.identity;

import jakarta.validation.Validator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * For automation: {@code REFINERY_ADMIN_EMAIL} and {@code REFINERY_ADMIN_PASSWORD} create the first
 * administrator at start-up while no account exists, and are ignored afterwards.
 */
@Component
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    @ConfigurationProperties("refinery.admin")
    record Settings(String email, String password, String displayName) {
    }

    private final Settings settings;
    private final Accounts accounts;
    private final Validator validator;

    FirstAdministrator(Settings settings, Accounts accounts, Validator validator) {
        this.settings = settings;
        this.accounts = accounts;
        this.validator = validator;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (settings.email() == null || settings.email().isBlank() || accounts.anyExists()) {
            return;
        }
        var displayName = settings.displayName() == null || settings.displayName().isBlank()
                ? "Administrator" : settings.displayName();
        var account = new NewAccount(settings.email(), displayName, settings.password());
        var violations = validator.validate(account);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("REFINERY_ADMIN_EMAIL and REFINERY_ADMIN_PASSWORD cannot create the first administrator: "
                    + violations.stream().map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted().toList());
        }
        accounts.openFirstAdministrator(account);
        log.info("Created the first administrator {} from REFINERY_ADMIN_EMAIL", account.normalisedEmail());
    }
}
