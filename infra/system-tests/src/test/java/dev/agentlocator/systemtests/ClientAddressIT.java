package dev.agentlocator.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.systemtests.Business.SigningLink;
import dev.agentlocator.systemtests.Suite.Tenant;
import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.RawHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: behind the gateway every client looked like 127.0.0.1, so six wrong passwords from
 * anyone locked the owner out, one client used up the signing page's rate limit for everybody, and
 * a signature recorded the gateway's address. Here each client is its own loopback address (all of
 * 127/8 reaches the loopback interface), through the real gateway jar to the real services; {@link
 * Suite#TRUSTED_PROXY} stands in for an ingress the gateway is configured to trust.
 */
class ClientAddressIT {

    private static Suite suite;
    private static Tenant tenant;
    private static Business business;

    @BeforeAll
    static void start() {
        suite = Suite.get();
        tenant = suite.signUp("addresses");
        business = new Business(suite, tenant);
    }

    private static int gateway() {
        return suite.gateway().port();
    }

    private static String login(String password) {
        return "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(tenant.email(), password);
    }

    @Test
    void aGuesserFromOneAddressCannotLockTheOwnerOutFromAnother() {
        var guesser = RawHttp.from("127.0.0.2");
        for (int i = 0; i < 5; i++) {
            assertThat(guesser.post(gateway(), "/api/auth/login", login("wrong-password"))
                            .status())
                    .isEqualTo(401);
        }
        Api.Response limited = guesser.post(gateway(), "/api/auth/login", login("wrong-password"));
        assertThat(limited.status()).as(limited.body()).isEqualTo(429);
        assertThat(limited.<String>json("$.error")).isEqualTo("too_many_attempts");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();

        Api.Response owner = RawHttp.from("127.0.0.3").post(gateway(), "/api/auth/login", login("a-long-password-1"));
        assertThat(owner.status())
                .as("the owner, from another address: " + owner.body())
                .isEqualTo(200);
    }

    @Test
    void aClaimedAddressFromAnUntrustedPeerIsNotBelieved() {
        // A guesser that names another address in every request is still counted as itself ...
        var guesser = RawHttp.from("127.0.0.4").withHeader("X-Forwarded-For", "203.0.113.77");
        for (int i = 0; i < 5; i++) {
            assertThat(guesser.post(gateway(), "/api/auth/login", login("wrong-password"))
                            .status())
                    .isEqualTo(401);
        }
        assertThat(guesser.post(gateway(), "/api/auth/login", login("wrong-password"))
                        .status())
                .isEqualTo(429);
        // ... and did not use up the allowance of the address it named.
        Api.Response named = RawHttp.from(Suite.TRUSTED_PROXY)
                .withHeader("X-Forwarded-For", "203.0.113.77")
                .post(gateway(), "/api/auth/login", login("a-long-password-1"));
        assertThat(named.status()).as(named.body()).isEqualTo(200);
    }

    @Test
    void behindATrustedProxyEachClientIsCountedOnItsOwn() {
        var ingress = RawHttp.from(Suite.TRUSTED_PROXY);
        var guesser = ingress.withHeader("X-Forwarded-For", "198.51.100.41");
        for (int i = 0; i < 5; i++) {
            assertThat(guesser.post(gateway(), "/api/auth/login", login("wrong-password"))
                            .status())
                    .isEqualTo(401);
        }
        assertThat(guesser.post(gateway(), "/api/auth/login", login("a-long-password-1"))
                        .status())
                .isEqualTo(429);
        assertThat(ingress.withHeader("X-Forwarded-For", "198.51.100.42")
                        .post(gateway(), "/api/auth/login", login("a-long-password-1"))
                        .status())
                .as("another client behind the same ingress")
                .isEqualTo(200);
    }

    @Test
    void oneAddressHammeringTheSigningPageDoesNotBlockAnother() {
        var flooder = RawHttp.from("127.0.0.5");
        String path = "/api/public/sign/" + "x".repeat(43);
        int limited = 0;
        for (int i = 0; i < 40; i++) {
            Api.Response reply = flooder.get(gateway(), path);
            if (reply.status() == 429) {
                limited++;
                assertThat(reply.<String>json("$.error")).isEqualTo("rate_limited");
            }
        }
        assertThat(limited).as("the flooding address is limited").isPositive();

        assertThat(RawHttp.from("127.0.0.6").get(gateway(), path).status())
                .as("another address: the token is unknown, not the rate exhausted")
                .isEqualTo(404);
    }

    @Test
    void aSignatureRecordsTheSignersAddressNotTheGatewaysNorAClaimedOne() {
        String customer = business.customer("חותמת", Business.randomMobile());
        SigningLink link = business.contractSentForSignature(customer);
        var signer = RawHttp.from("127.0.0.7")
                .withHeader("X-Forwarded-For", "192.0.2.66")
                .withHeader("User-Agent", "Mozilla/5.0 (iPhone) system-test");
        Api.Response view = signer.get(gateway(), "/api/public/sign/" + link.token());
        assertThat(view.status()).as(view.body()).isEqualTo(200);

        Api.Response signed = signer.post(gateway(), "/api/public/sign/" + link.token(), """
                {"signature":"%s","signerName":"דנה כהן","documentSha256":"%s"}""".formatted(
                        Business.SIGNATURE, view.json("$.documentSha256")));
        assertThat(signed.status()).as(signed.body()).isEqualTo(204);

        var contract = tenant.api(suite).get("/api/contracts/" + link.contractId());
        assertThat(contract.<String>json("$.status")).isEqualTo("signed");
        assertThat(contract.<String>json("$.signerIp")).isEqualTo("127.0.0.7");
    }

    @Test
    void behindATrustedProxyTheSignatureRecordsTheAddressItReports() {
        String customer = business.customer("חותם מאחורי פרוקסי", Business.randomMobile());
        SigningLink link = business.contractSentForSignature(customer);
        var signer = RawHttp.from(Suite.TRUSTED_PROXY).withHeader("X-Forwarded-For", "192.0.2.66, 203.0.113.80");
        String sha = signer.get(gateway(), "/api/public/sign/" + link.token()).json("$.documentSha256");

        Api.Response signed =
                signer.post(gateway(), "/api/public/sign/" + link.token(), """
                {"signature":"%s","signerName":"יוסי לוי","documentSha256":"%s"}""".formatted(Business.SIGNATURE, sha));
        assertThat(signed.status()).as(signed.body()).isEqualTo(204);

        assertThat(tenant.api(suite).get("/api/contracts/" + link.contractId()).<String>json("$.signerIp"))
                .as("the right-most address the proxies vouch for, not the client's own claim")
                .isEqualTo("203.0.113.80");
    }
}
