package dev.agentlocator.crm.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentlocator.crm.Accounts;
import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

@ServiceIntegrationTest
@TestPropertySource(
        properties = {
            "agentlocator.platform-admin.email=Ops@Example.test",
            "agentlocator.platform-admin.password=Operator-Secret-1"
        })
class PlatformAdminIT {

    @LocalServerPort
    int port;

    @Autowired
    PlatformAdmin platformAdmin;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void theConfiguredAdminExistsAfterStartAndReachesTheOperatorsEndpoints() {
        var admin = Accounts.login(port, "ops@example.test", "Operator-Secret-1");
        assertThat(admin.tenantId()).isEqualTo(PlatformAdmin.TENANT.toString());
        var parked = admin.api().get("/api/admin/outbox/parked");
        assertThat(parked.status()).as(parked.body()).isEqualTo(200);

        var owner = Accounts.signUp(port, "עסק רגיל");
        assertThat(owner.api().get("/api/admin/outbox/parked").status()).isEqualTo(403);
    }

    @Test
    void instancesStartingTogetherLeaveOneAdminWithTheConfiguredPassword() throws Exception {
        String email = "ops-" + UUID.randomUUID() + "@example.test";
        var pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<UUID>> starts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                starts.add(() -> platformAdmin.ensure(email, "First-Password-1"));
            }
            List<UUID> ids = new ArrayList<>();
            for (Future<UUID> start : pool.invokeAll(starts)) {
                ids.add(start.get());
            }
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(rows(email)).isEqualTo(1);
        assertThat(createdEvents(email)).isEqualTo(1);
        String firstHash = hash(email);

        platformAdmin.ensure(email, "First-Password-1");
        assertThat(hash(email)).as("an unchanged password is not hashed again").isEqualTo(firstHash);

        platformAdmin.ensure(email, "Second-Password-2");
        assertThat(rows(email)).isEqualTo(1);
        assertThat(Api.at(port)
                        .post("/api/auth/login", login(email, "First-Password-1"))
                        .status())
                .isEqualTo(401);
        Accounts.login(port, email, "Second-Password-2");
    }

    @Test
    void aStoredHashIsAcceptedAndADeactivatedAdminIsActiveAgain() {
        String email = "ops-" + UUID.randomUUID() + "@example.test";
        String hash = passwords.encode("Hashed-Password-3");
        platformAdmin.ensure(email, hash);
        assertThat(hash(email)).isEqualTo(hash);
        jdbc.sql("update app_user set active = false where email = ?")
                .param(email)
                .update();

        platformAdmin.ensure(email, hash);

        Accounts.login(port, email, "Hashed-Password-3");
    }

    @Test
    void aBusinessUsersEmailIsNeverPromotedAndUnusableSettingsAreRefused() {
        var owner = Accounts.signUp(port, "עסק");
        assertThatThrownBy(() -> platformAdmin.ensure(owner.email(), "Operator-Secret-1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("belongs to a user of a business");
        assertThat(jdbc.sql("select role from app_user where email = ?")
                        .param(owner.email())
                        .query(String.class)
                        .single())
                .isEqualTo("owner");
        Accounts.login(port, owner.email(), "Secret-123");

        assertThatThrownBy(() -> platformAdmin.ensure("not-an-email", "Operator-Secret-1"))
                .hasMessageContaining("PLATFORM_ADMIN_EMAIL");
        assertThatThrownBy(() -> platformAdmin.ensure("ops2@example.test", "short"))
                .hasMessageContaining("PLATFORM_ADMIN_PASSWORD");
        assertThatThrownBy(() -> platformAdmin.ensure("ops2@example.test", " "))
                .hasMessageContaining("PLATFORM_ADMIN_PASSWORD");
        assertThat(rows("ops2@example.test")).isZero();
    }

    private int rows(String email) {
        return jdbc.sql("select count(*) from app_user where lower(email) = lower(?) and role = 'admin'")
                .param(email)
                .query(Integer.class)
                .single();
    }

    private int createdEvents(String email) {
        return jdbc.sql("""
                        select count(*) from outbox_event
                        where envelope::jsonb ->> 'type' = 'user.created'
                          and envelope::jsonb -> 'payload' ->> 'userId' =
                              (select id::text from app_user where lower(email) = lower(?))
                        """).param(email).query(Integer.class).single();
    }

    private String hash(String email) {
        return jdbc.sql("select password_hash from app_user where email = ?")
                .param(email)
                .query(String.class)
                .single();
    }

    private static String login(String email, String password) {
        return """
                {"email":"%s","password":"%s"}
                """.formatted(email, password);
    }
}
