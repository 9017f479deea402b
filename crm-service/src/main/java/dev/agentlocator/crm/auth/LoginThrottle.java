package dev.agentlocator.crm.auth;

import dev.agentlocator.platform.kit.errors.TooManyRequestsException;
import java.time.Duration;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;
    private final AuthProperties properties;

    LoginThrottle(JdbcClient jdbc, AuthProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** A login attempt: who it is for and where it came from. */
    record Attempt(String email, String clientAddress) {

        Attempt {
            email = email.trim().toLowerCase(Locale.ROOT);
        }
    }

    private record Failures(int ofAccount, int ofAddress, Duration accountFrees, Duration addressFrees) {}

    /**
     * Refuses with 429 (and how long to wait) when this address has failed too often. Attempts from
     * one address wait for each other until their transaction ends, so a burst of parallel guesses
     * is counted one by one instead of all passing the check before the first failure is written.
     */
    void checkAllowed(Attempt attempt) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('login_failure:' || ?))")
                .param(attempt.clientAddress())
                .query((rs, row) -> row)
                .single();
        Failures failures = jdbc.sql("""
                        select count(*) filter (where email = :email) as of_account,
                               count(*) as of_address,
                               extract(epoch from min(failed_at) filter (where email = :email)
                                                  + make_interval(secs => :window) - now()) as account_frees,
                               extract(epoch from min(failed_at) + make_interval(secs => :window) - now())
                                   as address_frees
                        from login_failure
                        where client_address = :address and failed_at > now() - make_interval(secs => :window)
                        """)
                .param("email", attempt.email())
                .param("address", attempt.clientAddress())
                .param("window", properties.failureWindow().toSeconds())
                .query((rs, row) -> new Failures(
                        rs.getInt("of_account"),
                        rs.getInt("of_address"),
                        seconds(rs.getDouble("account_frees")),
                        seconds(rs.getDouble("address_frees"))))
                .single();
        if (failures.ofAccount() >= properties.maxLoginFailures()) {
            throw tooMany(failures.accountFrees());
        }
        if (failures.ofAddress() >= properties.maxLoginFailuresPerAddress()) {
            throw tooMany(failures.addressFrees());
        }
    }

    void recordFailure(Attempt attempt) {
        // Failures older than the window count for nothing; clearing them here keeps the table small.
        jdbc.sql("delete from login_failure where failed_at < now() - make_interval(secs => ?)")
                .param(properties.failureWindow().toSeconds())
                .update();
        jdbc.sql("insert into login_failure (email, client_address) values (?, ?)")
                .param(attempt.email())
                .param(attempt.clientAddress())
                .update();
    }

    /** A successful login forgives this account's failures from this address. */
    void clear(Attempt attempt) {
        jdbc.sql("delete from login_failure where email = ? and client_address = ?")
                .param(attempt.email())
                .param(attempt.clientAddress())
                .update();
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.max(0, Math.round(seconds * 1000)));
    }

    private static TooManyRequestsException tooMany(Duration wait) {
        return new TooManyRequestsException("too_many_attempts", MESSAGE, wait);
    }
}
