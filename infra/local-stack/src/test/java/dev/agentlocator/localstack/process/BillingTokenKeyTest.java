package dev.agentlocator.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BillingTokenKeyTest {

    @TempDir
    Path state;

    @Test
    void theStackGeneratesAnAes256KeyOnceAndKeepsItAcrossStarts() {
        String first = BillingTokenKey.resolve(Map.of(), state);
        assertThat(Base64.getDecoder().decode(first)).hasSize(32);
        assertThat(BillingTokenKey.resolve(Map.of(), state)).isEqualTo(first);
        assertThat(state.resolve(BillingTokenKey.FILE_NAME)).isRegularFile();
    }

    @Test
    void theUsersOwnKeyWins() {
        assertThat(BillingTokenKey.resolve(Map.of("BILLING_TOKEN_ENCRYPTION_KEY", "own-key"), state))
                .isEqualTo("own-key");
        assertThat(state.resolve(BillingTokenKey.FILE_NAME)).doesNotExist();
    }
}
