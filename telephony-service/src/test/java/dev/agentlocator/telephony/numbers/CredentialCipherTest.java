package dev.agentlocator.telephony.numbers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** ADR 0032: tenants' Twilio secrets at rest are AES-256-GCM, bound to their tenant. */
class CredentialCipherTest {

    static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    final CredentialCipher cipher = new CredentialCipher(new NumbersProperties(KEY, null, null));

    @Test
    void aSecretComesBackOnlyForTheTenantItWasSealedFor() {
        byte[] sealed = cipher.encrypt("{\"authToken\":\"secret-token\"}", "tenant-a");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("secret-token");
        assertThat(cipher.decrypt(sealed, "tenant-a")).isEqualTo("{\"authToken\":\"secret-token\"}");
        assertThatThrownBy(() -> cipher.decrypt(sealed, "tenant-b")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sealingTwiceGivesDifferentCiphertextAndATamperedOneDoesNotOpen() {
        byte[] first = cipher.encrypt("same", "t");
        byte[] second = cipher.encrypt("same", "t");
        assertThat(first).isNotEqualTo(second);

        first[first.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(first, "t")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aKeyOfTheWrongSizeStopsStartUpNamingTheVariable() {
        assertThatThrownBy(() -> new CredentialCipher(new NumbersProperties("c2hvcnQ=", null, null)))
                .hasMessageContaining("TELEPHONY_CREDENTIALS_KEY");
        assertThatThrownBy(() -> new CredentialCipher(new NumbersProperties("not base64!", null, null)))
                .hasMessageContaining("TELEPHONY_CREDENTIALS_KEY");
    }
}
