package dev.agentlocator.gateway.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentlocator.gateway.docs.ApiDocsProperties;
import dev.agentlocator.gateway.docs.ApiDocsProperties.Access;
import org.junit.jupiter.api.Test;

class ApiDocsPropertiesTest {

    @Test
    void unsetIsAdminInProductionAndOpenElsewhere() {
        assertThat(new ApiDocsProperties("", "production").mode()).isEqualTo(Access.ADMIN);
        assertThat(new ApiDocsProperties(null, "development").mode()).isEqualTo(Access.OPEN);
        assertThat(new ApiDocsProperties(" Off ", "production").mode()).isEqualTo(Access.OFF);
        assertThat(new ApiDocsProperties("open", "production").mode()).isEqualTo(Access.OPEN);
        assertThatThrownBy(() -> new ApiDocsProperties("everyone", "production").mode())
                .hasMessageContaining("API_DOCS_ACCESS");
    }
}
