package dev.agentlocator.crm.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.crm.Accounts;
import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.platform.kit.messaging.EventReader;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import dev.agentlocator.testkit.TestInfrastructure;
import dev.agentlocator.testkit.TopicReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

@ServiceIntegrationTest
class UserEventsIT {

    @LocalServerPort
    int port;

    @Autowired
    EventReader reader;

    @Test
    void everyNewUserAndEveryChangeOfOneIsPublishedKeyedByTheUserWithoutTheirEmail() {
        var owner = Accounts.signUp(port, "עסק");
        var agent = Accounts.addUser(port, owner, "agent");
        assertThat(owner.api()
                        .post("/api/users/" + agent.userId() + "/deactivate", null)
                        .status())
                .isEqualTo(200);

        var ownerCreated = events(owner.userId(), 1).get(0);
        assertThat(ownerCreated.type()).isEqualTo("user.created");
        assertThat(ownerCreated.tenantId()).hasToString(owner.tenantId());
        assertThat(ownerCreated.payload())
                .isEqualTo(Map.of("userId", owner.userId(), "name", "בעלת העסק", "role", "owner", "active", true));

        var agentEvents = events(agent.userId(), 2);
        assertThat(agentEvents).extracting(EventEnvelope::type).containsExactly("user.created", "user.updated");
        assertThat(agentEvents.get(0).payload()).containsEntry("role", "agent").containsEntry("active", true);
        assertThat(agentEvents.get(1).payload()).containsEntry("active", false);
        assertThat(agentEvents.get(1).payload()).doesNotContainKeys("email", "passwordHash");
    }

    @Test
    void theMigrationPublishesEveryUserWhoExistedBeforeTheTopic() {
        String database = TestInfrastructure.createDatabase("crm-user-backfill");
        var postgres = TestInfrastructure.postgres();
        var dataSource =
                new DriverManagerDataSource(postgres.jdbcUrl(database), postgres.username(), postgres.password());
        var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/kit", "classpath:db/migration");
        flyway.target("5").load().migrate();
        var jdbc = JdbcClient.create(dataSource);
        UUID tenant = UUID.randomUUID();
        UUID active = UUID.randomUUID();
        UUID inactive = UUID.randomUUID();
        jdbc.sql("insert into tenant (id, name) values (?, 'ותיק')")
                .param(tenant)
                .update();
        jdbc.sql("""
                        insert into app_user (id, tenant_id, name, email, password_hash, role, active) values
                        (?, ?, 'דנה', 'dana@example.test', 'x', 'owner', true),
                        (?, ?, 'רון', 'ron@example.test', 'x', 'agent', false)""").param(active).param(tenant).param(inactive).param(tenant).update();

        flyway.target("latest").load().migrate();

        var rows = jdbc.sql("select event_key, envelope from outbox_event where topic = ? and published_at is null")
                .param(Topics.CRM_USER)
                .query((rs, n) -> Map.entry(rs.getString("event_key"), reader.read(rs.getString("envelope"))))
                .list();
        assertThat(rows)
                .extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder(active.toString(), inactive.toString());
        for (var row : rows) {
            EventEnvelope event = row.getValue();
            assertThat(event.type()).isEqualTo("user.created");
            assertThat(event.version()).isEqualTo(1);
            assertThat(event.tenantId()).isEqualTo(tenant);
            assertThat(event.payload()).containsEntry("userId", row.getKey());
        }
        assertThat(rows.stream().map(r -> r.getValue().payload()).toList())
                .containsExactlyInAnyOrder(
                        Map.of("userId", active.toString(), "name", "דנה", "role", "owner", "active", true),
                        Map.of("userId", inactive.toString(), "name", "רון", "role", "agent", "active", false));
    }

    private List<EventEnvelope> events(String userId, int count) {
        return TopicReader.awaitRecords(Topics.CRM_USER, r -> userId.equals(r.key()), count, Duration.ofSeconds(20))
                .stream()
                .map(ConsumerRecord::value)
                .map(reader::read)
                .toList();
    }
}
