package dev.agentlocator.platform.kit.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Request body caps (see {@link BodySizeLimitFilter}).
 *
 * @param maxBody the largest body any request may have
 * @param largeBodyPaths Ant patterns of the paths that take uploads (e.g. a CSV import)
 * @param maxLargeBody the largest body on those paths
 */
@ConfigurationProperties("agentlocator.web")
public record WebProperties(
        @DefaultValue("1MB") DataSize maxBody,
        @DefaultValue List<String> largeBodyPaths,
        @DefaultValue("6MB") DataSize maxLargeBody) {}
