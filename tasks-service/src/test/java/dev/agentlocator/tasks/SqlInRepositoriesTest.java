package dev.agentlocator.tasks;

import dev.agentlocator.testkit.SqlInRepositories;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SqlInRepositoriesTest {

    @Test
    void onlyRepositoriesHoldSql() {
        // The local copies of crm's customers and users move to *Repository names once their event
        // consumers are rewritten for the typed event contracts (issue 17).
        SqlInRepositories.check("dev.agentlocator.tasks", Set.of("CustomerDirectory", "UserDirectory"));
    }
}
