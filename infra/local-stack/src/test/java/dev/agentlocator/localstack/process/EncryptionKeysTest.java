package dev.agentlocator.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptionKeysTest {

    @TempDir
    Path state;

    @Test
    void theStackGeneratesAes256KeysOnceAndKeepsThemAcrossStarts() {
        var first = EncryptionKeys.resolve(Map.of(), state);
        assertThat(Base64.getDecoder().decode(first.billing())).hasSize(32);
        assertThat(Base64.getDecoder().decode(first.telephonyCredentials())).hasSize(32);
        assertThat(first.telephonyCredentials()).isNotEqualTo(first.billing());
        assertThat(EncryptionKeys.resolve(Map.of(), state)).isEqualTo(first);
        assertThat(state.resolve(EncryptionKeys.BILLING_FILE)).isRegularFile();
        assertThat(state.resolve(EncryptionKeys.TELEPHONY_CREDENTIALS_FILE)).isRegularFile();
    }

    @Test
    void theUsersOwnKeysWin() {
        var own = EncryptionKeys.resolve(
                Map.of("BILLING_TOKEN_ENCRYPTION_KEY", "own-key", "TELEPHONY_CREDENTIALS_KEY", "own-twilio-key"),
                state);
        assertThat(own).isEqualTo(new EncryptionKeys("own-key", "own-twilio-key"));
        assertThat(state.resolve(EncryptionKeys.BILLING_FILE)).doesNotExist();
        assertThat(state.resolve(EncryptionKeys.TELEPHONY_CREDENTIALS_FILE)).doesNotExist();
    }
}
