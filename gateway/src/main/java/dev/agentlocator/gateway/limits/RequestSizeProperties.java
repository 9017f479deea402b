package dev.agentlocator.gateway.limits;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The largest request bodies the gateway passes on; the services apply the same caps
 * (service-kit's {@code agentlocator.web.*}).
 *
 * @param maxBody any request
 * @param largeBodyPaths Ant patterns of the upload paths (the CSV import)
 * @param maxLargeBody a request on those paths
 */
@ConfigurationProperties("agentlocator.request-size")
public record RequestSizeProperties(
        @DefaultValue("1MB") DataSize maxBody,
        @DefaultValue("/api/crm/customers/import") List<String> largeBodyPaths,
        @DefaultValue("6MB") DataSize maxLargeBody) {}
