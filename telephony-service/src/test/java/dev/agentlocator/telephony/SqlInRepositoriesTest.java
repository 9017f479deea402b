package dev.agentlocator.telephony;

import dev.agentlocator.testkit.SqlInRepositories;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SqlInRepositoriesTest {

    @Test
    void onlyRepositoriesHoldSql() {
        // These move into repositories with the telephony layering of issue 17.
        SqlInRepositories.check(
                "dev.agentlocator.telephony",
                Set.of("CustomerDirectory", "ReceptionistSettings", "VoiceAudio", "TenantNumbers"));
    }
}
