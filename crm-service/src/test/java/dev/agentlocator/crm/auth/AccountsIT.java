package dev.agentlocator.crm.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.crm.Accounts;
import dev.agentlocator.crm.users.CommonPasswords;
import dev.agentlocator.crm.users.Passwords;
import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.MutableClock;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import dev.agentlocator.testkit.TestMail;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Self-service accounts (ADR 0031) end to end through crm-service's API, every mail read from a
 * real SMTP server (GreenMail), time moved by the injected clock.
 */
@ServiceIntegrationTest
@Import(MutableClock.Configuration.class)
class AccountsIT {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    private static String newEmail(String label) {
        return label + "-" + UUID.randomUUID() + "@example.test";
    }

    private Api.Response signup(String email, String password) {
        return Api.at(port).post("/api/auth/signup", """
                {"businessName":"משרד הבדיקות","name":"נועה","email":"%s","password":"%s"}""".formatted(email, password));
    }

    private Api.Response login(String email, String password) {
        return Api.at(port).post("/api/auth/login", """
                {"email":"%s","password":"%s"}""".formatted(email, password));
    }

    private Api.Response post(String path, String json) {
        return Api.at(port).post(path, json);
    }

    @Test
    void signupMailsAVerificationLinkAndLoginWaitsForIt() throws Exception {
        String email = newEmail("owner");
        var signup = signup(email, "Long-Secret-77");
        assertThat(signup.status()).as(signup.body()).isEqualTo(201);
        assertThat(signup.<Boolean>json("$.user.emailVerified")).isFalse();

        var mail = TestMail.latestTo(email);
        assertThat(mail.getSubject()).isEqualTo("אישור כתובת האימייל ב-AgentLocator");
        assertThat(TestMail.html(mail)).contains("dir=\"rtl\"").contains("נועה");
        assertThat(TestMail.text(mail)).contains(Accounts.PUBLIC_URL + "/verify-email?token=");

        var refused = login(email, "Long-Secret-77");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.<String>json("$.error")).isEqualTo("email_not_verified");
        assertThat(refused.<String>json("$.message")).contains("יש לאשר את כתובת האימייל");

        String token = Accounts.linkToken(email, "/verify-email");
        assertThat(post("/api/auth/verify-email", "{\"token\":\"" + token + "\"}")
                        .status())
                .isEqualTo(204);
        var again = post("/api/auth/verify-email", "{\"token\":\"" + token + "\"}");
        assertThat(again.status()).as("a link works once").isEqualTo(410);
        assertThat(again.<String>json("$.error")).isEqualTo("link_used");

        var loggedIn = login(email, "Long-Secret-77");
        assertThat(loggedIn.status()).isEqualTo(200);
        assertThat(loggedIn.<Boolean>json("$.user.emailVerified")).isTrue();
    }

    @Test
    void resendSendsANewVerificationMailAndAnswersTheSameForUnknownAddresses() {
        String email = newEmail("owner");
        assertThat(signup(email, "Long-Secret-77").status()).isEqualTo(201);
        TestMail.latestTo(email);

        assertThat(post("/api/auth/verify-email/resend", "{\"email\":\"" + email + "\"}")
                        .status())
                .isEqualTo(202);
        assertThat(post("/api/auth/verify-email/resend", "{\"email\":\"" + newEmail("nobody") + "\"}")
                        .status())
                .isEqualTo(202);
        assertThat(TestMail.messagesTo(email)).hasSize(2);
    }

    @Test
    void aCommonPasswordIsRefusedWithA400InHebrew() {
        var signup = signup(newEmail("owner"), "password1");
        assertThat(signup.status()).isEqualTo(400);
        assertThat(signup.<String>json("$.error")).isEqualTo("password_too_common");
        assertThat(signup.<String>json("$.message")).isEqualTo(CommonPasswords.TOO_COMMON);

        assertThat(signup(newEmail("owner"), "Iloveyou").<String>json("$.error"))
                .as("case does not make a common password safe")
                .isEqualTo("password_too_common");
    }

    @Test
    void forgottenPasswordResetsOnceAndEndsEverySession() {
        var owner = Accounts.signUp(port, "עסק");
        assertThat(post("/api/auth/password/forgot", "{\"email\":\"" + owner.email() + "\"}")
                        .status())
                .isEqualTo(202);
        String token = Accounts.linkToken(owner.email(), "/reset-password");
        clock.advance(Duration.ofMinutes(1));

        var reset = post("/api/auth/password/reset", """
                {"token":"%s","password":"A-brand-new-secret-9"}""".formatted(token));
        assertThat(reset.status()).as(reset.body()).isEqualTo(204);

        var twice = post("/api/auth/password/reset", """
                {"token":"%s","password":"Another-new-secret-8"}""".formatted(token));
        assertThat(twice.status()).isEqualTo(410);
        assertThat(twice.<String>json("$.error")).isEqualTo("link_used");
        assertThat(twice.<String>json("$.message")).isEqualTo(AccountService.LINK_USED);

        assertThat(login(owner.email(), "Secret-123").status()).isEqualTo(401);
        assertThat(login(owner.email(), "A-brand-new-secret-9").status()).isEqualTo(200);
        assertThat(post("/api/auth/refresh", "{\"refreshToken\":\"" + owner.refreshToken() + "\"}")
                        .status())
                .as("the session from before the reset")
                .isEqualTo(401);
        assertThat(owner.api().get("/api/auth/me").status())
                .as("the access token from before the reset")
                .isEqualTo(401);
    }

    @Test
    void anExpiredResetLinkIsRefusedInHebrew() {
        var owner = Accounts.signUp(port, "עסק");
        post("/api/auth/password/forgot", "{\"email\":\"" + owner.email() + "\"}");
        String token = Accounts.linkToken(owner.email(), "/reset-password");

        clock.advance(Duration.ofHours(1).plusSeconds(1));
        var expired = post("/api/auth/password/reset", """
                {"token":"%s","password":"A-brand-new-secret-9"}""".formatted(token));

        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.<String>json("$.error")).isEqualTo("link_expired");
        assertThat(expired.<String>json("$.message")).isEqualTo("תוקף הקישור פג. בקשו קישור חדש.");
        assertThat(login(owner.email(), "Secret-123").status()).isEqualTo(200);
    }

    @Test
    void aResetLinkWithACommonPasswordStaysUsable() {
        var owner = Accounts.signUp(port, "עסק");
        post("/api/auth/password/forgot", "{\"email\":\"" + owner.email() + "\"}");
        String token = Accounts.linkToken(owner.email(), "/reset-password");

        assertThat(post("/api/auth/password/reset", """
                                {"token":"%s","password":"qwerty123"}""".formatted(token)).<String>json("$.error"))
                .isEqualTo("password_too_common");
        assertThat(post("/api/auth/password/reset", """
                                {"token":"%s","password":"A-brand-new-secret-9"}""".formatted(token)).status())
                .isEqualTo(204);
    }

    @Test
    void unknownAndMalformedLinksAre400AndForgotAnswersTheSameForUnknownAddresses() {
        var unknown = post("/api/auth/password/reset", """
                {"token":"not-a-real-token","password":"A-brand-new-secret-9"}""");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.<String>json("$.error")).isEqualTo("link_invalid");
        assertThat(post("/api/auth/verify-email", "{}").status()).isEqualTo(400);
        assertThat(post("/api/auth/password/forgot", "{\"email\":\"" + newEmail("nobody") + "\"}")
                        .status())
                .isEqualTo(202);
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndRefusesTooLongOrCommonOnes() {
        var owner = Accounts.signUp(port, "עסק");
        var wrong = owner.api().post("/api/auth/password", """
                {"currentPassword":"not-it-at-all","newPassword":"A-brand-new-secret-9"}""");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.<String>json("$.error")).isEqualTo("wrong_password");

        var tooLong = owner.api().post("/api/auth/password", """
                {"currentPassword":"Secret-123","newPassword":"%s"}""".formatted("ש".repeat(Passwords.MAX_LENGTH + 1)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.<String>json("$.details.fields.newPassword")).isEqualTo(Passwords.LENGTH_MESSAGE);

        assertThat(owner.api().post("/api/auth/password", """
                {"currentPassword":"Secret-123","newPassword":"baseball"}""").<String>json("$.error"))
                .isEqualTo("password_too_common");

        assertThat(owner.api().post("/api/auth/password", """
                {"currentPassword":"Secret-123","newPassword":"A-brand-new-secret-9"}""").status()).isEqualTo(204);
        assertThat(login(owner.email(), "A-brand-new-secret-9").status()).isEqualTo(200);
    }

    @Test
    void changingTheEmailTakesEffectOnlyFromTheLinkMailedToTheNewAddress() {
        var owner = Accounts.signUp(port, "עסק");
        String next = newEmail("renamed");
        var requested = owner.api().post("/api/auth/email", """
                {"currentPassword":"Secret-123","newEmail":"%s"}""".formatted(next));
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        assertThat(login(owner.email(), "Secret-123").status())
                .as("still the old address")
                .isEqualTo(200);

        String token = Accounts.linkToken(next, "/confirm-email");
        assertThat(post("/api/auth/email/confirm", "{\"token\":\"" + token + "\"}")
                        .status())
                .isEqualTo(204);

        assertThat(login(owner.email(), "Secret-123").status()).isEqualTo(401);
        var loggedIn = login(next, "Secret-123");
        assertThat(loggedIn.status()).isEqualTo(200);
        assertThat(loggedIn.<String>json("$.user.email")).isEqualTo(next);
    }

    @Test
    void sessionsAreListedAndSignOutEverywhereEndsThemAll() {
        var owner = Accounts.signUp(port, "עסק");
        var second = Accounts.login(port, owner.email(), "Secret-123");
        var sessions = owner.api().get("/api/auth/sessions");
        assertThat(sessions.status()).isEqualTo(200);
        assertThat(sessions.<List<Object>>json("$.items")).hasSize(2);

        clock.advance(Duration.ofMinutes(1));
        assertThat(second.api()
                        .post("/api/auth/sessions/sign-out-everywhere", null)
                        .status())
                .isEqualTo(204);

        assertThat(owner.api().get("/api/auth/me").status()).isEqualTo(401);
        assertThat(second.api().get("/api/auth/me").status()).isEqualTo(401);
        for (String refresh : List.of(owner.refreshToken(), second.refreshToken())) {
            assertThat(post("/api/auth/refresh", "{\"refreshToken\":\"" + refresh + "\"}")
                            .status())
                    .isEqualTo(401);
        }
        var fresh = Accounts.login(port, owner.email(), "Secret-123");
        assertThat(fresh.api().get("/api/auth/me").status()).isEqualTo(200);
        assertThat(fresh.api().get("/api/auth/sessions").<List<Object>>json("$.items"))
                .hasSize(1);
    }

    @Test
    void oneSessionCanBeEndedAndNobodyEndsAnotherUsersSession() {
        var owner = Accounts.signUp(port, "עסק");
        var other = Accounts.signUp(port, "עסק אחר");
        String id = owner.api().get("/api/auth/sessions").json("$.items[0].id");

        assertThat(other.api().delete("/api/auth/sessions/" + id).status()).isEqualTo(404);
        assertThat(owner.api().delete("/api/auth/sessions/" + id).status()).isEqualTo(204);
        assertThat(post("/api/auth/refresh", "{\"refreshToken\":\"" + owner.refreshToken() + "\"}")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void anInvitedAgentChoosesTheirOwnPasswordFromTheMailAndLogsIn() throws Exception {
        var owner = Accounts.signUp(port, "סוכנות הגליל");
        String email = newEmail("agent");
        var invited = owner.api().post("/api/users/invitations", """
                {"name":"יוסי","email":"%s","role":"agent"}""".formatted(email));
        assertThat(invited.status()).as(invited.body()).isEqualTo(202);

        var mail = TestMail.latestTo(email);
        assertThat(mail.getSubject()).isEqualTo("הזמנה להצטרף ל-סוכנות הגליל ב-AgentLocator");
        assertThat(TestMail.text(mail)).contains("בעלת העסק");
        String token = Accounts.linkToken(email, "/accept-invitation");

        var accepted = post("/api/auth/invitations/accept", """
                {"token":"%s","password":"Yossi-own-secret-5"}""".formatted(token));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.<String>json("$.user.role")).isEqualTo("agent");
        assertThat(accepted.<String>json("$.user.tenantId")).isEqualTo(owner.tenantId());

        assertThat(post("/api/auth/invitations/accept", """
                                {"token":"%s","password":"Yossi-own-secret-5"}""".formatted(token)).status())
                .isEqualTo(410);
        assertThat(login(email, "Yossi-own-secret-5").status()).isEqualTo(200);
    }

    @Test
    void anInvitationExpires() {
        var owner = Accounts.signUp(port, "עסק");
        String email = newEmail("agent");
        owner.api().post("/api/users/invitations", """
                {"name":"יוסי","email":"%s"}""".formatted(email));
        String token = Accounts.linkToken(email, "/accept-invitation");

        clock.advance(Duration.ofDays(7).plusSeconds(1));
        var expired = post("/api/auth/invitations/accept", """
                {"token":"%s","password":"Yossi-own-secret-5"}""".formatted(token));
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.<String>json("$.error")).isEqualTo("link_expired");
    }

    @Test
    void onlyAnOwnerInvitesAndAnAgentCannotInvite() {
        var owner = Accounts.signUp(port, "עסק");
        var agent = Accounts.addUser(port, owner, "agent");
        assertThat(agent.api()
                        .post("/api/users/invitations", """
                {"name":"יוסי","email":"%s"}""".formatted(newEmail("x")))
                        .status())
                .isEqualTo(403);
        assertThat(owner.api()
                        .post("/api/users/invitations", """
                {"name":"יוסי","email":"%s"}""".formatted(agent.email()))
                        .status())
                .as("an address that already has an account")
                .isEqualTo(409);
    }

    @Test
    void theLastOwnerCannotBeDemotedOrDeactivatedButASecondOwnerMakesItPossible() {
        var owner = Accounts.signUp(port, "עסק");
        var demote = owner.api().put("/api/users/" + owner.userId() + "/role", "{\"role\":\"agent\"}");
        assertThat(demote.status()).isEqualTo(409);
        assertThat(demote.<String>json("$.error")).isEqualTo("last_owner");
        assertThat(demote.<String>json("$.message")).contains("הבעלים האחרון");

        var agent = Accounts.addUser(port, owner, "agent");
        var promoted = owner.api().put("/api/users/" + agent.userId() + "/role", "{\"role\":\"owner\"}");
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
        assertThat(promoted.<String>json("$.role")).isEqualTo("owner");

        var coOwner = Accounts.login(port, agent.email(), "Secret-123");
        assertThat(coOwner.api()
                        .post("/api/users/" + owner.userId() + "/deactivate", null)
                        .status())
                .isEqualTo(200);
        var lastOne = coOwner.api().put("/api/users/" + agent.userId() + "/role", "{\"role\":\"viewer\"}");
        assertThat(lastOne.status()).isEqualTo(409);

        assertThat(coOwner.api()
                        .post("/api/users/" + owner.userId() + "/reactivate", null)
                        .<Boolean>json("$.active"))
                .isTrue();
        assertThat(login(owner.email(), "Secret-123").status()).isEqualTo(200);
        assertThat(owner.api()
                        .put("/api/users/" + owner.userId() + "/role", "{\"role\":\"boss\"}")
                        .status())
                .isEqualTo(400);
    }
}
