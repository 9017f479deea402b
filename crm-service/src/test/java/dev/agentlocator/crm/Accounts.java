package dev.agentlocator.crm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.testkit.Api;
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
        return account(port, response, email);
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
