package dev.refinery.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.refinery.shared.Sweep;

/**
 * Slows down and then locks sign-ins after failures, for one account (by the email tried, so that a lock tells nothing
 * about whether an account exists) and for one address. After {@code slowAfter} failures in a row each further try
 * waits 1, 2, 4... seconds; at {@code lockAfter} the subject is locked for {@link #LOCK}. Failures stop counting an
 * hour after the last one; a successful sign-in clears the account's.
 */
@Component
class SignInThrottle implements Sweep {

    record Rule(String prefix, int slowAfter, int lockAfter) {
    }

    /** Ten wrong passwords lock an account; an address, shared by a whole office, has more room. */
    static final Rule ACCOUNT = new Rule("account:", 5, 10);
    static final Rule ADDRESS = new Rule("address:", 20, 50);
    static final Duration LOCK = Duration.ofMinutes(15);
    static final Duration COUNTED = Duration.ofHours(1);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(1);

    private final SignInFailureRepository failures;
    private final Clock clock;

    SignInThrottle(SignInFailureRepository failures, Clock clock) {
        this.failures = failures;
        this.clock = clock;
    }

    /** Refuses the attempt, before any password is checked, while the account or the address must wait. */
    void admit(String email, String address) {
        var now = clock.instant();
        subjects(email, address)
            .flatMap(subject -> failures.lockedUntil(subject).stream())
            .filter(now::isBefore)
            .max(Instant::compareTo)
            .ifPresent(until -> {
                throw new SignInLocked(until);
            });
    }

    /** Counts a failure; in a transaction of its own, so that it stays counted whatever happens to the request. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void failed(String email, String address) {
        // Microseconds, as both databases store them: a lock ends exactly when it says.
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        count(ACCOUNT, ACCOUNT.prefix() + Accounts.normalised(email), now);
        if (address != null) {
            count(ADDRESS, ADDRESS.prefix() + address, now);
        }
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void succeeded(String email) {
        failures.clear(ACCOUNT.prefix() + Accounts.normalised(email));
    }

    @Override
    public String kind() {
        return "sign-in-failures";
    }

    @Override
    public long sweep(Instant now) {
        return failures.sweep(now.minus(COUNTED), now);
    }

    private void count(Rule rule, String subject, Instant now) {
        var count = failures.fail(subject, now, now.minus(COUNTED));
        wait(rule, count).ifPresent(wait -> failures.lock(subject, now.plus(wait)));
    }

    static Optional<Duration> wait(Rule rule, int failures) {
        if (failures >= rule.lockAfter()) {
            return Optional.of(LOCK);
        }
        if (failures < rule.slowAfter()) {
            return Optional.empty();
        }
        var wait = Duration.ofSeconds(1L << Math.min(failures - rule.slowAfter(), 20));
        return Optional.of(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
    }

    private static Stream<String> subjects(String email, String address) {
        var account = ACCOUNT.prefix() + Accounts.normalised(email);
        return address == null ? Stream.of(account) : Stream.of(account, ADDRESS.prefix() + address);
    }
}
