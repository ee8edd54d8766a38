package dev.refinery.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link AcceptablePassword}: the length, then the list of common passwords in {@code identity/common-passwords.txt}. */
class PasswordRules implements ConstraintValidator<AcceptablePassword, String> {

    static final int MINIMUM = 12;
    static final int MAXIMUM = 128;
    static final String LENGTH = "A password has 12 to 128 characters.";
    static final String COMMON = "This password is among the most common ones, which are guessed first: choose another.";

    private static final Set<String> COMMON_PASSWORDS = load();

    @Override
    public boolean isValid(String password, ConstraintValidatorContext context) {
        if (password == null || password.isBlank()) {
            return true;
        }
        var problem = password.length() < MINIMUM || password.length() > MAXIMUM ? LENGTH
                : COMMON_PASSWORDS.contains(password.toLowerCase(Locale.ROOT)) ? COMMON : null;
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
        return false;
    }

    private static Set<String> load() {
        var list = PasswordRules.class.getResourceAsStream("/identity/common-passwords.txt");
        if (list == null) {
            throw new IllegalStateException("identity/common-passwords.txt is missing from the application");
        }
        try (var reader = new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8))) {
            return reader.lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
