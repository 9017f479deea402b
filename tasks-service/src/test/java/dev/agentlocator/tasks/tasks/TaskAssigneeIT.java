package dev.agentlocator.tasks.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.tasks.Agent;
import dev.agentlocator.tasks.Colleagues;
import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** A task goes only to an active user of the caller's tenant, as crm-service's user events say. */
@ServiceIntegrationTest
class TaskAssigneeIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    Colleagues colleagues;

    @BeforeEach
    void crm() {
        colleagues = new Colleagues(kafka, json, jdbc);
    }

    @Test
    void aTaskCannotBeAssignedToAUserOfAnotherTenant() {
        var owner = Agent.ownerOfNewTenant(port);
        var stranger = Agent.ownerOfNewTenant(port);
        colleagues.announce(stranger, true);

        var response = create(owner, stranger.userId());

        assertRefused(response);
        assertThat(tasksOf(owner)).isZero();
        assertThat(tasksOf(stranger)).isZero();
    }

    @Test
    void aTaskCannotBeAssignedToAnUnknownOrDeactivatedUser() {
        var owner = Agent.ownerOfNewTenant(port);
        var former = Agent.in(port, owner.tenantId(), "agent");
        colleagues.announce(former, true);
        colleagues.announce(former, false);

        assertRefused(create(owner, UUID.randomUUID()));
        assertRefused(create(owner, former.userId()));
        assertThat(tasksOf(owner)).isZero();
    }

    @Test
    void aTaskGoesToAnActiveColleagueOrToTheCallerEvenBeforeCrmToldUsAboutThem() {
        var owner = Agent.ownerOfNewTenant(port);
        var agent = Agent.in(port, owner.tenantId(), "agent");
        colleagues.announce(agent, true);

        var toAgent = create(owner, agent.userId());
        assertThat(toAgent.status()).as(toAgent.body()).isEqualTo(201);
        assertThat(toAgent.<String>json("$.assigneeId"))
                .isEqualTo(agent.userId().toString());

        var toSelf = create(owner, owner.userId());
        assertThat(toSelf.status()).as(toSelf.body()).isEqualTo(201);
        var byDefault = owner.api().post("/api/tasks", "{\"title\":\"לעצמי\"}");
        assertThat(byDefault.status()).as(byDefault.body()).isEqualTo(201);
    }

    @Test
    void reassigningWithPatchFollowsTheSameRule() {
        var owner = Agent.ownerOfNewTenant(port);
        var agent = Agent.in(port, owner.tenantId(), "agent");
        var stranger = Agent.ownerOfNewTenant(port);
        colleagues.announce(agent, true);
        colleagues.announce(stranger, true);
        String id = create(owner, null).json("$.id");

        var toStranger = owner.api().patch("/api/tasks/" + id, "{\"assigneeId\":\"" + stranger.userId() + "\"}");
        assertRefused(toStranger);
        assertThat(owner.api().get("/api/tasks/" + id).<String>json("$.assigneeId"))
                .as("unchanged")
                .isEqualTo(owner.userId().toString());

        var toAgent = owner.api().patch("/api/tasks/" + id, "{\"assigneeId\":\"" + agent.userId() + "\"}");
        assertThat(toAgent.status()).as(toAgent.body()).isEqualTo(200);
        assertThat(toAgent.<String>json("$.assigneeId"))
                .isEqualTo(agent.userId().toString());

        colleagues.announce(agent, false);
        var retitled = owner.api()
                .patch("/api/tasks/" + id, "{\"title\":\"כותרת חדשה\",\"assigneeId\":\"" + agent.userId() + "\"}");
        assertThat(retitled.status())
                .as("keeping the current assignee is no reassignment")
                .isEqualTo(200);
    }

    private static Api.Response create(Agent who, UUID assignee) {
        String body = assignee == null
                ? "{\"title\":\"להתקשר ללקוח\"}"
                : "{\"title\":\"להתקשר ללקוח\",\"assigneeId\":\"" + assignee + "\"}";
        return who.api().post("/api/tasks", body);
    }

    private static void assertRefused(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.isJson()).isTrue();
        assertThat(response.<String>json("$.error")).isEqualTo("assignee_not_found");
        assertThat(response.<String>json("$.message")).containsPattern("[א-ת]");
        assertThat(response.<String>json("$.details.fields.assigneeId")).containsPattern("[א-ת]");
    }

    private long tasksOf(Agent tenant) {
        return jdbc.sql("select count(*) from task where tenant_id = ?")
                .param(tenant.tenantId())
                .query(Long.class)
                .single();
    }
}
