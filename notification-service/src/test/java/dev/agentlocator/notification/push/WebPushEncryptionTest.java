package dev.agentlocator.notification.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebPushEncryptionTest {

    // RFC 8291 Appendix A (published test data)
    static final String PLAINTEXT = "When I grow up, I want to be a watermelon";
    static final String AS_PUBLIC =
            "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
    static final String AS_PRIVATE = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
    static final String UA_PUBLIC =
            "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
    static final String UA_PRIVATE = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";
    static final String SALT = "DGv6ra1nlYgDCS1FRnbzlw";
    static final String AUTH = "BTBZMqHH6r4Tts7J_aSIgg";
    static final String BODY =
            "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYW"
                    + "AmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";

    @Test
    void encryptsTheRfc8291ExampleToThePublishedBytes() {
        var sender = new KeyPair(P256.publicKey(b64(AS_PUBLIC)), P256.privateKey(b64(AS_PRIVATE)));
        byte[] body = WebPushEncryption.encrypt(
                PLAINTEXT.getBytes(StandardCharsets.UTF_8), b64(UA_PUBLIC), b64(AUTH), sender, b64(SALT));
        assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(body)).isEqualTo(BODY);
    }

    @Test
    void theTestsIndependentDecryptorOpensTheRfcExample() throws Exception {
        var opened = Rfc8291Decryptor.decrypt(b64(BODY), b64(UA_PRIVATE), b64(UA_PUBLIC), b64(AUTH));
        assertThat(new String(opened.plaintext(), StandardCharsets.UTF_8)).isEqualTo(PLAINTEXT);
        assertThat(opened.recordSize()).isEqualTo(4096);
    }

    @Test
    void aFreshKeyAndSaltEveryMessageStillDecrypts() throws Exception {
        byte[] auth = new byte[16];
        new SecureRandom().nextBytes(auth);
        byte[] message = "{\"title\":\"להתקשר לדנה\"}".getBytes(StandardCharsets.UTF_8);
        byte[] first = WebPushEncryption.encrypt(message, b64(UA_PUBLIC), auth);
        byte[] second = WebPushEncryption.encrypt(message, b64(UA_PUBLIC), auth);
        assertThat(first).isNotEqualTo(second);
        assertThat(Rfc8291Decryptor.decrypt(first, b64(UA_PRIVATE), b64(UA_PUBLIC), auth)
                        .plaintext())
                .isEqualTo(message);
    }

    @Test
    void refusesAPointOffTheCurveAndAnOversizedPayload() {
        byte[] offCurve = b64(UA_PUBLIC);
        offCurve[64] ^= 1;
        assertThatThrownBy(() -> P256.publicKey(offCurve)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebPushEncryption.encrypt(new byte[4081], b64(UA_PUBLIC), b64(AUTH)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static byte[] b64(String text) {
        return Base64.getUrlDecoder().decode(text);
    }
}
