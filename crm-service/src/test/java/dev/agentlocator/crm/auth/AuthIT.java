package dev.agentlocator.crm.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.crm.Accounts;
import dev.agentlocator.crm.users.Passwords;
import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import dev.agentlocator.testkit.TestJwt;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;

@ServiceIntegrationTest
class AuthIT {

    @LocalServerPort
    int port;

    @Autowired
    JwtDecoder decoder;

    @Autowired
    JdbcClient jdbc;

    @Test
    void signupCreatesATenantWithItsOwnerSignedIn() {
        var owner = Accounts.signUp(port, "משרד תיווך");

        var me = owner.api().get("/api/auth/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.<String>json("$.role")).isEqualTo("owner");
        assertThat(me.<String>json("$.tenantId")).isEqualTo(owner.tenantId());
        var jwt = decoder.decode(owner.accessToken());
        assertThat(jwt.getClaimAsString("iss")).isEqualTo("agentlocator");
        assertThat(jwt.getClaimAsString("tid")).isEqualTo(owner.tenantId());
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("owner");
        assertThat(jwt.getExpiresAt()).isBefore(jwt.getIssuedAt().plusSeconds(15 * 60 + 1));
    }

    @Test
    void loginReturnsTokensAndTheUser() {
        var owner = Accounts.signUp(port, "עסק");

        var login =
                Api.at(port).post("/api/auth/login", """
                {"email":"%s","password":"Secret-123"}""".formatted(owner.email().toUpperCase()));

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.<Integer>json("$.expiresIn")).isEqualTo(900);
        assertThat(login.<String>json("$.user.email")).isEqualTo(owner.email());
        assertThat(login.<String>json("$.user.name")).isEqualTo("בעלת העסק");
        assertThat(login.<String>json("$.refreshToken")).isNotBlank();
    }

    @Test
    void aSecondSignupWithTheSameEmailIsAConflict() {
        var owner = Accounts.signUp(port, "עסק");
        var again = Api.at(port).post("/api/auth/signup", """
                {"businessName":"אחר","name":"x","email":"%s","password":"Secret-123"}""".formatted(owner.email()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.<String>json("$.error")).isEqualTo("email_taken");
    }

    /**
     * A caller at {@code clientAddress} as crm-service sees it behind the gateway: the test connects
     * from 127.0.0.1, a trusted proxy like the gateway, and names the client in {@code
     * X-Forwarded-For} as the gateway does. (That the gateway writes it so, and that a client
     * cannot choose it, is tested through the real gateway in infra/system-tests.)
     */
    private Api from(String clientAddress) {
        return Api.at(port).withHeader("X-Forwarded-For", clientAddress);
    }

    private static String login(String email, String password) {
        return """
                {"email":"%s","password":"%s"}""".formatted(email, password);
    }

    @Test
    void aWrongPasswordIs401AndTheSixthAttemptFromThatAddressIs429WithHowLongToWait() {
        var owner = Accounts.signUp(port, "עסק");
        var guesser = from("203.0.113.10");
        for (int i = 0; i < 5; i++) {
            var failed = guesser.post("/api/auth/login", login(owner.email(), "wrong-password"));
            assertThat(failed.status()).isEqualTo(401);
            assertThat(failed.<String>json("$.error")).isEqualTo("invalid_credentials");
        }

        var limited = guesser.post("/api/auth/login", login(owner.email(), "Secret-123"));

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.isJson()).isTrue();
        assertThat(limited.<String>json("$.error")).isEqualTo("too_many_attempts");
        assertThat(limited.<String>json("$.message")).contains("ניסיונות");
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 15 * 60L);
        assertThat(limited.<Integer>json("$.details.retryAfterSeconds")).isEqualTo((int) retryAfter);
    }

    @Test
    void aGuesserAtOneAddressCannotLockTheOwnerOutFromAnother() {
        var owner = Accounts.signUp(port, "עסק");
        var guesser = from("203.0.113.7");
        for (int i = 0; i < 5; i++) {
            assertThat(guesser.post("/api/auth/login", login(owner.email(), "wrong-password"))
                            .status())
                    .isEqualTo(401);
        }
        assertThat(guesser.post("/api/auth/login", login(owner.email(), "Secret-123"))
                        .status())
                .as("the guessing address is limited")
                .isEqualTo(429);

        var fromTheOffice = from("198.51.100.20").post("/api/auth/login", login(owner.email(), "Secret-123"));
        assertThat(fromTheOffice.status()).as("the owner, from another address").isEqualTo(200);
    }

    @Test
    void oneAddressTryingAccountAfterAccountIsSlowedDownButNobodyElse() {
        var owner = Accounts.signUp(port, "עסק");
        var sprayer = from("203.0.113.30");
        for (int i = 0; i < 20; i++) {
            String someone = "victim-" + i + "-" + UUID.randomUUID() + "@example.test";
            assertThat(sprayer.post("/api/auth/login", login(someone, "Summer2026!"))
                            .status())
                    .isEqualTo(401);
        }

        var next = sprayer.post("/api/auth/login", login(owner.email(), "Secret-123"));
        assertThat(next.status())
                .as("the 21st failure-laden attempt from that address")
                .isEqualTo(429);
        assertThat(next.header("Retry-After")).isNotBlank();
        assertThat(from("198.51.100.30")
                        .post("/api/auth/login", login(owner.email(), "Secret-123"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void parallelGuessesFromOneAddressAreCountedOneByOne() throws Exception {
        var owner = Accounts.signUp(port, "עסק");
        var guesser = from("203.0.113.40");
        var pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                answers.add(pool.submit(() -> guesser.post("/api/auth/login", login(owner.email(), "wrong-password"))
                        .status()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsOnly(401, 429);
            assertThat(statuses.stream().filter(status -> status == 401).count())
                    .as("wrong passwords actually checked, in %s", statuses)
                    .isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void signingInForgivesThatAddressesFailuresAtTheAccount() {
        var owner = Accounts.signUp(port, "עסק");
        var typist = from("198.51.100.50");
        for (int i = 0; i < 4; i++) {
            assertThat(typist.post("/api/auth/login", login(owner.email(), "Secret-12"))
                            .status())
                    .isEqualTo(401);
        }
        assertThat(typist.post("/api/auth/login", login(owner.email(), "Secret-123"))
                        .status())
                .isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            assertThat(typist.post("/api/auth/login", login(owner.email(), "Secret-12"))
                            .status())
                    .as("a fresh allowance after signing in")
                    .isEqualTo(401);
        }
    }

    @Test
    void refreshRotatesTheTokenAndReusingTheOldOneRevokesTheWholeFamily() {
        var owner = Accounts.signUp(port, "עסק");
        String first = owner.refreshToken();

        var rotated = Api.at(port).post("/api/auth/refresh", refresh(first));
        assertThat(rotated.status()).isEqualTo(200);
        String second = rotated.json("$.refreshToken");
        assertThat(second).isNotEqualTo(first);
        assertThat(Api.at(port)
                        .withToken(rotated.json("$.accessToken"))
                        .get("/api/auth/me")
                        .status())
                .isEqualTo(200);

        var reuse = Api.at(port).post("/api/auth/refresh", refresh(first));
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.<String>json("$.error")).isEqualTo("invalid_refresh_token");

        var afterReuse = Api.at(port).post("/api/auth/refresh", refresh(second));
        assertThat(afterReuse.status()).as("the family is revoked").isEqualTo(401);
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        var owner = Accounts.signUp(port, "עסק");
        assertThat(Api.at(port)
                        .post("/api/auth/logout", refresh(owner.refreshToken()))
                        .status())
                .isEqualTo(204);
        assertThat(Api.at(port)
                        .post("/api/auth/refresh", refresh(owner.refreshToken()))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void anUnknownRefreshTokenIs401() {
        assertThat(Api.at(port)
                        .post("/api/auth/refresh", refresh("no-such-token"))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aDeactivatedUserCanNeitherLogInNorRefresh() {
        var owner = Accounts.signUp(port, "עסק");
        var agent = Accounts.addUser(port, owner, "agent");

        var deactivated = owner.api().post("/api/users/" + agent.userId() + "/deactivate", null);
        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.<Boolean>json("$.active")).isFalse();

        var login = Api.at(port).post("/api/auth/login", """
                {"email":"%s","password":"Secret-123"}""".formatted(agent.email()));
        assertThat(login.status()).isEqualTo(403);
        assertThat(login.<String>json("$.error")).isEqualTo("account_disabled");
        assertThat(Api.at(port)
                        .post("/api/auth/refresh", refresh(agent.refreshToken()))
                        .status())
                .isEqualTo(401);
        assertThat(agent.api().get("/api/auth/me").status()).isEqualTo(401);
    }

    @Test
    void onlyTheOwnerManagesUsersAndOnlyOfTheirOwnTenant() {
        var owner = Accounts.signUp(port, "עסק");
        var agent = Accounts.addUser(port, owner, "agent");
        var viewer = Accounts.addUser(port, owner, "viewer");
        var other = Accounts.signUp(port, "עסק אחר");

        assertThat(agent.api()
                        .post("/api/users", "{\"name\":\"x\",\"email\":\"x@example.test\"}")
                        .status())
                .isEqualTo(403);
        assertThat(viewer.api()
                        .post("/api/users/" + agent.userId() + "/deactivate", null)
                        .status())
                .isEqualTo(403);
        assertThat(other.api()
                        .post("/api/users/" + agent.userId() + "/deactivate", null)
                        .status())
                .isEqualTo(404);
        var list = owner.api().get("/api/users");
        assertThat(list.<Integer>json("$.items.length()")).isEqualTo(3);
        assertThat(other.api().get("/api/users").<Integer>json("$.items.length()"))
                .isEqualTo(1);
    }

    @Test
    void anOwnerCanInviteWithoutAPasswordAndGetsATemporaryOne() {
        var owner = Accounts.signUp(port, "עסק");
        String email = "invited-" + UUID.randomUUID() + "@example.test";
        var created = owner.api().post("/api/users", """
                {"name":"סוכן","email":"%s"}""".formatted(email));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.<String>json("$.user.role")).isEqualTo("agent");
        Accounts.login(port, email, created.json("$.temporaryPassword"));
    }

    @Test
    void aServiceTokenCannotUseTheUserApi() {
        var token = TestJwt.token(UUID.randomUUID(), UUID.randomUUID(), "service");
        assertThat(Api.at(port).withToken(token).get("/api/users").status()).isEqualTo(403);
    }

    /** 37 Hebrew letters are 74 bytes in UTF-8: past bcrypt's 72, where it stops reading. */
    private static final String LONG_HEBREW_PASSWORD = "א".repeat(36) + "ב";

    @Test
    void aPasswordOfThirtySevenHebrewLettersSignsUpAndLogsInAndEveryByteCounts() {
        String email = "owner-" + UUID.randomUUID() + "@example.test";
        var signup = Api.at(port).post("/api/auth/signup", """
                {"businessName":"עסק","name":"בעלת העסק","email":"%s","password":"%s"}""".formatted(email, LONG_HEBREW_PASSWORD));
        assertThat(signup.status()).as(signup.body()).isEqualTo(201);
        Accounts.verify(port, email);

        assertThat(logIn(email, LONG_HEBREW_PASSWORD).status()).isEqualTo(200);
        var differingAfterByte72 = logIn(email, "א".repeat(36) + "ג");
        assertThat(differingAfterByte72.status())
                .as("the same first 72 bytes are not the password")
                .isEqualTo(401);
    }

    @Test
    void anOwnerCreatesAUserWithALongHebrewPasswordWhoThenLogsIn() {
        var owner = Accounts.signUp(port, "עסק");
        String email = "agent-" + UUID.randomUUID() + "@example.test";
        var created = owner.api().post("/api/users", """
                {"name":"סוכן","email":"%s","password":"%s"}""".formatted(email, LONG_HEBREW_PASSWORD));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        assertThat(logIn(email, LONG_HEBREW_PASSWORD).status()).isEqualTo(200);
        assertThat(logIn(email, "א".repeat(36) + "ג").status()).isEqualTo(401);
    }

    @Test
    void aPasswordOverTheMaximumIsA400InHebrewAtSignupUserCreationAndLogin() {
        String tooLong = "ש".repeat(Passwords.MAX_LENGTH + 1);
        var signup = Api.at(port)
                .post("/api/auth/signup", """
                {"businessName":"עסק","name":"בעלת העסק","email":"%s","password":"%s"}""".formatted("owner-" + UUID.randomUUID() + "@example.test", tooLong));
        assertThat(signup.status()).isEqualTo(400);
        assertThat(signup.<String>json("$.error")).isEqualTo("validation_failed");
        assertThat(signup.<String>json("$.details.fields.password")).isEqualTo(Passwords.LENGTH_MESSAGE);

        var owner = Accounts.signUp(port, "עסק");
        var created =
                owner.api().post("/api/users", """
                {"name":"סוכן","email":"%s","password":"%s"}""".formatted("agent-" + UUID.randomUUID() + "@example.test", tooLong));
        assertThat(created.status()).isEqualTo(400);
        assertThat(created.<String>json("$.details.fields.password")).isEqualTo(Passwords.LENGTH_MESSAGE);

        var login = logIn(owner.email(), tooLong);
        assertThat(login.status()).isEqualTo(400);
        assertThat(login.<String>json("$.details.fields.password")).isEqualTo(Passwords.TOO_LONG_MESSAGE);
    }

    @Test
    void aUserWhosePasswordWasHashedWithBcryptStillLogsInAndTheHashIsUpgraded() {
        var owner = Accounts.signUp(port, "עסק");
        UUID userId = UUID.randomUUID();
        String email = "legacy-" + userId + "@example.test";
        jdbc.sql("""
                        insert into app_user (id, tenant_id, name, email, password_hash, role)
                        values (?, ?, 'ותיקה', ?, ?, 'agent')""")
                .param(userId)
                .param(UUID.fromString(owner.tenantId()))
                .param(email)
                .param(new BCryptPasswordEncoder(10).encode("Secret-123"))
                .update();

        assertThat(logIn(email, "Wrong-123").status()).isEqualTo(401);
        assertThat(logIn(email, "Secret-123").status()).isEqualTo(200);

        String hash = jdbc.sql("select password_hash from app_user where id = ?")
                .param(userId)
                .query(String.class)
                .single();
        assertThat(hash).startsWith("{argon2}");
        assertThat(logIn(email, "Secret-123").status()).as("with the new hash").isEqualTo(200);
    }

    private Api.Response logIn(String email, String password) {
        return Api.at(port).post("/api/auth/login", """
                {"email":"%s","password":"%s"}""".formatted(email, password));
    }

    private static String refresh(String token) {
        return "{\"refreshToken\":\"" + token + "\"}";
    }
}
