package dev.agentlocator.crm.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.agentlocator.testkit.TestJwt;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SigningKeysTest {

    private final com.nimbusds.jose.jwk.ECKey current = TestJwt.generate("current");
    private final com.nimbusds.jose.jwk.ECKey previous = TestJwt.generate("previous");

    @Test
    void theFirstKeySignsAndEveryKeyIsPublishedWithoutItsPrivatePart() throws Exception {
        // the previous key on its way out may be given without its private part
        var keys = keys(new JWKSet(List.of(current, previous.toPublicJWK())).toString(false));

        SignedJWT token = SignedJWT.parse(
                keys.sign(new JWTClaimsSet.Builder().subject("x").build()));
        assertThat(token.getHeader().getKeyID()).isEqualTo("current");
        assertThat(token.verify(new ECDSAVerifier(current.toPublicJWK()))).isTrue();
        assertThat(keys.published().getKeys()).extracting(key -> key.getKeyID()).containsExactly("current", "previous");
        assertThat(keys.published().getKeys()).noneMatch(key -> key.isPrivate());
    }

    @Test
    void startUpStopsSayingWhatIsWrongWithoutQuotingTheKeys() throws Exception {
        assertThatIllegalStateException().isThrownBy(() -> keys(" ")).withMessageContaining("TOKEN_SIGNING_KEYS");
        assertThatIllegalStateException()
                .isThrownBy(() -> keys("{\"d\":\"secret-material\""))
                .withMessageContaining("not a JWK set")
                .withMessageNotContaining("secret-material");
        assertThatIllegalStateException()
                .isThrownBy(() -> keys("{\"keys\":[]}"))
                .withMessageContaining("no key");
        assertThatIllegalStateException()
                .isThrownBy(() -> keys(new JWKSet(previous.toPublicJWK()).toString(false)))
                .withMessageContaining("private part");
        assertThatIllegalStateException()
                .isThrownBy(() -> keys(new JWKSet(List.of(current, TestJwt.generate("current"))).toString(false)))
                .withMessageContaining("appears twice");
        var rsa = new RSAKeyGenerator(2048).keyID("rsa").generate();
        assertThatIllegalStateException()
                .isThrownBy(() -> keys(new JWKSet(rsa).toString(false)))
                .withMessageContaining("P-256");
        var noId = new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256).generate();
        assertThatIllegalStateException()
                .isThrownBy(() -> keys(new JWKSet(noId).toString(false)))
                .withMessageContaining("key id");
    }

    private static SigningKeys keys(String json) {
        return new SigningKeys(new TokenProperties(json, Map.of(), java.time.Duration.ofMinutes(5)));
    }
}
