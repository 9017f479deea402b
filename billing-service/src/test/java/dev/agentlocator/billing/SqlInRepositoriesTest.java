package dev.agentlocator.billing;

import dev.agentlocator.testkit.SqlInRepositories;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SqlInRepositoriesTest {

    @Test
    void onlyRepositoriesHoldSql() {
        // The local copy of crm's customers moves to a *Repository name once its event consumer is
        // rewritten for the typed event contracts (issue 17).
        SqlInRepositories.check("dev.agentlocator.billing", Set.of("CustomerDirectory"));
    }
}
