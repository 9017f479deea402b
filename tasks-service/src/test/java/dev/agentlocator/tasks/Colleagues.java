package dev.agentlocator.tasks;

import static org.awaitility.Awaitility.await;

import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.Topics;
import java.time.Duration;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** crm-service's side of the users tasks-service knows: its events on {@code crm.user.v1}. */
public record Colleagues(KafkaTemplate<String, String> kafka, JsonMapper json, JdbcClient jdbc) {

    /** Publishes {@code agent} as a user of their tenant and waits until tasks-service applied it. */
    public void announce(Agent agent, boolean active) {
        var event = EventEnvelope.create(
                "user.created",
                agent.tenantId(),
                null,
                "test",
                Map.of("userId", agent.userId().toString(), "name", "עמית", "role", agent.role(), "active", active));
        try {
            kafka.send(Topics.CRM_USER, agent.userId().toString(), json.writeValueAsString(event))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from app_user where tenant_id = ? and id = ? and active = ?")
                                .param(agent.tenantId())
                                .param(agent.userId())
                                .param(active)
                                .query(Long.class)
                                .single()
                        == 1);
    }
}
