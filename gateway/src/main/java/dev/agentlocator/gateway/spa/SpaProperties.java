package dev.agentlocator.gateway.spa;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param distDir the built web client ({@code CLIENT_DIST_DIR}), relative to the working directory
 */
@ConfigurationProperties("agentlocator.client")
record SpaProperties(String distDir) {

    SpaProperties {
        distDir = distDir == null || distDir.isBlank() ? "client/dist" : distDir;
    }

    Path root() {
        return Path.of(distDir).toAbsolutePath().normalize();
    }
}
