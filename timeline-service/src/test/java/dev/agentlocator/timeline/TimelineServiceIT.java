package dev.agentlocator.timeline;

import dev.agentlocator.testkit.ServiceContract;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@ServiceIntegrationTest
class TimelineServiceIT implements ServiceContract {

    @LocalServerPort
    int port;

    @Override
    public int port() {
        return port;
    }
}
