package dev.agentlocator.crm.auth;

import dev.agentlocator.crm.auth.LoginFailureRepository.Failures;
import dev.agentlocator.platform.kit.errors.TooManyRequestsException;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without ever locking the account itself: failures count per account
 * and client address (a guesser gets {@code maxLoginFailures} tries at one account from one
 * address) and per address across accounts (one address cannot try account after account). A
 * limit on the account alone would let anyone lock its owner out with a few wrong passwords, so
 * there is none: the owner, from their own address, always gets in. Counted in the database so
 * every instance of the service sees the same failures; a failure stops counting when it is older
 * than the window.
 */
@Component
class LoginThrottle {

    static final String MESSAGE = "יותר מדי ניסיונות התחברות כושלים מכתובת זו. נסו שוב בעוד כמה דקות.";

    private final LoginFailureRepository failures;
    private final AuthProperties properties;

    LoginThrottle(LoginFailureRepository failures, AuthProperties properties) {
        this.failures = failures;
        this.properties = properties;
    }

    /** A login attempt: who it is for and where it came from. */
    record Attempt(String email, String clientAddress) {

        Attempt {
            email = email.trim().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Refuses with 429 (and how long to wait) when this address has failed too often. Attempts from
     * one address wait for each other until their transaction ends, so a burst of parallel guesses
     * is counted one by one instead of all passing the check before the first failure is written.
     */
    void checkAllowed(Attempt attempt) {
        failures.lockAddress(attempt.clientAddress());
        Failures recent = failures.within(attempt.email(), attempt.clientAddress(), properties.failureWindow());
        if (recent.ofAccount() >= properties.maxLoginFailures()) {
            throw tooMany(recent.accountFrees());
        }
        if (recent.ofAddress() >= properties.maxLoginFailuresPerAddress()) {
            throw tooMany(recent.addressFrees());
        }
    }

    void recordFailure(Attempt attempt) {
        // Failures older than the window count for nothing; clearing them here keeps the table small.
        failures.deleteOlderThan(properties.failureWindow());
        failures.add(attempt.email(), attempt.clientAddress());
    }

    /** A successful login forgives this account's failures from this address. */
    void clear(Attempt attempt) {
        failures.delete(attempt.email(), attempt.clientAddress());
    }

    private static TooManyRequestsException tooMany(Duration wait) {
        return new TooManyRequestsException("too_many_attempts", MESSAGE, wait);
    }
}
