package dev.agentlocator.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenKeysTest {

    @TempDir
    Path state;

    @Test
    void theStackGeneratesCrmsSigningKeyAndTelephonysSecretOnceAndKeepsThemAcrossStarts() throws Exception {
        TokenKeys first = TokenKeys.resolve(Map.of(), state);

        JWKSet keys = JWKSet.parse(first.signingKeys());
        assertThat(keys.getKeys()).hasSize(1);
        assertThat(keys.getKeys().get(0).toECKey().getCurve()).isEqualTo(Curve.P_256);
        assertThat(keys.getKeys().get(0).isPrivate()).as("crm signs with it").isTrue();
        assertThat(keys.getKeys().get(0).getKeyID()).startsWith("local-development-");
        assertThat(first.signingKey().getKeyID())
                .isEqualTo(keys.getKeys().get(0).getKeyID());
        assertThat(first.telephonyClientSecret()).hasSizeGreaterThanOrEqualTo(40);

        assertThat(TokenKeys.resolve(Map.of(), state)).isEqualTo(first);
        assertThat(Files.getPosixFilePermissions(state.resolve(TokenKeys.KEYS_FILE)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void theUsersOwnValuesWin() {
        String own = TokenKeys.generateKeys();

        TokenKeys keys =
                TokenKeys.resolve(Map.of("TOKEN_SIGNING_KEYS", own, "TELEPHONY_CLIENT_SECRET", "own-secret"), state);

        assertThat(keys).isEqualTo(new TokenKeys(own, "own-secret"));
        assertThat(state.resolve(TokenKeys.KEYS_FILE)).doesNotExist();
        assertThat(state.resolve(TokenKeys.CLIENT_SECRET_FILE)).doesNotExist();
    }
}
