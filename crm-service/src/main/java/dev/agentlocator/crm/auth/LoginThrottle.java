package dev.agentlocator.crm.auth;

import dev.agentlocator.platform.kit.errors.ApiException;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Refuses logins for an email from one address after too many recent failures. */
@Component
class LoginThrottle {

    static final String MESSAGE = "יותר מדי ניסיונות התחברות כושלים. נסו שוב בעוד כרבע שעה.";

    private final JdbcClient jdbc;
    private final AuthProperties properties;

    LoginThrottle(JdbcClient jdbc, AuthProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    static String key(String email, String clientAddress) {
        return email.trim().toLowerCase(Locale.ROOT) + "|" + clientAddress;
    }

    void checkAllowed(String key) {
        int failures = jdbc.sql("""
                        select count(*) from login_failure
                        where attempt_key = ? and failed_at > now() - make_interval(secs => ?)
                        """)
                .param(key)
                .param(properties.failureWindow().toSeconds())
                .query(Integer.class)
                .single();
        if (failures >= properties.maxLoginFailures()) {
            throw new ApiException(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "too_many_attempts",
                    MESSAGE,
                    Map.of("retryAfterSeconds", properties.failureWindow().toSeconds()));
        }
    }

    void recordFailure(String key) {
        // Old rows of this key go at the same time, so the table never grows beyond the window.
        jdbc.sql("delete from login_failure where attempt_key = ? and failed_at < now() - make_interval(secs => ?)")
                .param(key)
                .param(properties.failureWindow().toSeconds())
                .update();
        jdbc.sql("insert into login_failure (attempt_key) values (?)")
                .param(key)
                .update();
    }

    void clear(String key) {
        jdbc.sql("delete from login_failure where attempt_key = ?").param(key).update();
    }
}
