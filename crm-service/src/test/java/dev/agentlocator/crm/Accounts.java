package dev.agentlocator.crm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.TestMail;
import java.util.UUID;

/** Real accounts made through the public API, for integration tests. */
public final class Accounts {

    public record Account(
            Api api, String accessToken, String refreshToken, String userId, String tenantId, String email) {}

    public static Account signUp(int port, String business) {
        String email = "owner-" + UUID.randomUUID() + "@example.test";
        var response = Api.at(port).post("/api/auth/signup", """
                {"businessName":"%s","name":"בעלת העסק","email":"%s","password":"Secret-123"}
                """.formatted(business, email));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        verify(port, email);
        return account(port, response, email);
    }

    /** Where crm-service's mailed links point by default (APP_PUBLIC_URL). */
    public static final String PUBLIC_URL = "http://localhost:8080";

    /** Follows the verification link mailed to {@code email} (read from the test SMTP server). */
    public static void verify(int port, String email) {
        String token = linkToken(email, "/verify-email");
        var verified = Api.at(port).post("/api/auth/verify-email", """
                {"token":"%s"}""".formatted(token));
        assertThat(verified.status()).as(verified.body()).isEqualTo(204);
    }

    /** The token of the newest link to {@code path} mailed to {@code email}. */
    public static String linkToken(String email, String path) {
        var message = TestMail.latestTo(email);
        return TestMail.queryParameter(TestMail.link(message, PUBLIC_URL + path), "token");
    }

    /** A user of {@code owner}'s tenant with {@code role}, logged in. */
    public static Account addUser(int port, Account owner, String role) {
        String email = role + "-" + UUID.randomUUID() + "@example.test";
        var created = owner.api().post("/api/users", """
                        {"name":"עמית","email":"%s","password":"Secret-123","role":"%s"}
                        """.formatted(email, role));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return login(port, email, "Secret-123");
    }

    public static Account login(int port, String email, String password) {
        var response = Api.at(port).post("/api/auth/login", """
                {"email":"%s","password":"%s"}
                """.formatted(email, password));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return account(port, response, email);
    }

    private static Account account(int port, Api.Response response, String email) {
        String token = response.json("$.accessToken");
        return new Account(
                Api.at(port).withToken(token),
                token,
                response.json("$.refreshToken"),
                response.json("$.user.id"),
                response.json("$.user.tenantId"),
                email);
    }

    private Accounts() {}
}
