package dev.agentlocator.notification;

import dev.agentlocator.testkit.SqlInRepositories;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SqlInRepositoriesTest {

    @Test
    void onlyRepositoriesHoldSql() {
        SqlInRepositories.check("dev.agentlocator.notification", Set.of());
    }
}
