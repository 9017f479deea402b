package dev.agentlocator.crm.auth;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The failed logins {@link LoginThrottle} counts, per account and client address, within a window. */
@Repository
class LoginFailureRepository {

    private final JdbcClient jdbc;

    LoginFailureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Failures within the window, and how long until the oldest of each count leaves it. */
    record Failures(int ofAccount, int ofAddress, Duration accountFrees, Duration addressFrees) {}

    /** Until the transaction ends, other attempts from this address wait here. */
    void lockAddress(String clientAddress) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('login_failure:' || ?))")
                .param(clientAddress)
                .query((rs, row) -> row)
                .single();
    }

    Failures within(String email, String clientAddress, Duration window) {
        return jdbc.sql("""
                        select count(*) filter (where email = :email) as of_account,
                               count(*) as of_address,
                               extract(epoch from min(failed_at) filter (where email = :email)
                                                  + make_interval(secs => :window) - now()) as account_frees,
                               extract(epoch from min(failed_at) + make_interval(secs => :window) - now())
                                   as address_frees
                        from login_failure
                        where client_address = :address and failed_at > now() - make_interval(secs => :window)
                        """)
                .param("email", email)
                .param("address", clientAddress)
                .param("window", window.toSeconds())
                .query((rs, row) -> new Failures(
                        rs.getInt("of_account"),
                        rs.getInt("of_address"),
                        seconds(rs.getDouble("account_frees")),
                        seconds(rs.getDouble("address_frees"))))
                .single();
    }

    void add(String email, String clientAddress) {
        jdbc.sql("insert into login_failure (email, client_address) values (?, ?)")
                .param(email)
                .param(clientAddress)
                .update();
    }

    void deleteOlderThan(Duration window) {
        jdbc.sql("delete from login_failure where failed_at < now() - make_interval(secs => ?)")
                .param(window.toSeconds())
                .update();
    }

    void delete(String email, String clientAddress) {
        jdbc.sql("delete from login_failure where email = ? and client_address = ?")
                .param(email)
                .param(clientAddress)
                .update();
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.max(0, Math.round(seconds * 1000)));
    }
}
