package dev.agentlocator.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * crm-service's user events reach tasks-service's list of users through the real broker: a task
 * goes to a colleague once tasks knows them, never to another tenant's user, and no longer to a
 * deactivated one.
 */
class TaskAssigneeIT {

    @Test
    void aTaskGoesOnlyToAnActiveColleagueAsCrmReportsThem() {
        var suite = Suite.get();
        var owner = suite.signUp("assigner");
        var stranger = suite.signUp("stranger");
        var api = owner.api(suite);
        var agent = api.post("/api/users", """
                {"name":"סוכנת","email":"agent-%s@example.test","password":"a-long-password-1","role":"agent"}""".formatted(UUID.randomUUID()));
        assertThat(agent.status()).as(agent.body()).isEqualTo(201);
        String agentId = agent.json("$.user.id");

        Suite.await(
                "tasks-service to know both tenants' users",
                Duration.ofSeconds(60),
                () -> suite.count(
                                "tasks-service",
                                "select count(*) from app_user where id in (?, ?) and active",
                                UUID.fromString(agentId),
                                stranger.ownerId())
                        == 2);

        var toColleague = api.post("/api/tasks", task(agentId));
        assertThat(toColleague.status()).as(toColleague.body()).isEqualTo(201);

        var toStranger = api.post("/api/tasks", task(stranger.ownerId().toString()));
        assertThat(toStranger.status()).as(toStranger.body()).isEqualTo(400);
        assertThat(toStranger.<String>json("$.error")).isEqualTo("assignee_not_found");
        var reassigned =
                api.patch("/api/tasks/" + toColleague.json("$.id"), "{\"assigneeId\":\"" + stranger.ownerId() + "\"}");
        assertThat(reassigned.status()).as(reassigned.body()).isEqualTo(400);

        assertThat(api.post("/api/users/" + agentId + "/deactivate", null).status())
                .isEqualTo(200);
        Suite.await(
                "tasks-service to learn of the deactivation",
                Duration.ofSeconds(60),
                () -> suite.count(
                                "tasks-service",
                                "select count(*) from app_user where id = ? and not active",
                                UUID.fromString(agentId))
                        == 1);
        assertThat(api.post("/api/tasks", task(agentId)).status()).isEqualTo(400);
    }

    private static String task(String assignee) {
        return "{\"title\":\"להתקשר ללקוח\",\"assigneeId\":\"" + assignee + "\"}";
    }
}
