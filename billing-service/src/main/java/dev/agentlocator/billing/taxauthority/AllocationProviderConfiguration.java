package dev.agentlocator.billing.taxauthority;

import dev.agentlocator.billing.allocation.AllocationProvider;
import dev.agentlocator.billing.allocation.SandboxAllocationProvider;
import dev.agentlocator.billing.common.SoftwareProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The Tax Authority when its client credentials are configured; the sandbox otherwise. */
@Configuration(proxyBeanMethods = false)
class AllocationProviderConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AllocationProviderConfiguration.class);

    @Bean
    AllocationProvider allocationProvider(
            TaxAuthorityProperties properties,
            TaxAuthorityConnections connections,
            TaxAuthorityClient client,
            SoftwareProperties software,
            JsonMapper json) {
        if (properties.configured()) {
            log.info("Allocation numbers come from the Tax Authority at {}", properties.apiBaseUrl());
            return new TaxAuthorityAllocationProvider(connections, client, software, json);
        }
        log.info("No Tax Authority client configured (SHAAM_CLIENT_ID, SHAAM_CLIENT_SECRET): allocation numbers"
                + " come from the sandbox and are marked as such");
        return new SandboxAllocationProvider();
    }
}
