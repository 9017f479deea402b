package dev.agentlocator.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    private final UUID tenant = UUID.randomUUID();

    @Test
    void customerEventsAreKeyedByCustomerSoTheyStayInOrder() {
        UUID customer = UUID.randomUUID();
        EventEnvelope event = EventEnvelope.create("customer.created", tenant, customer, "c-1", Map.of());

        assertThat(event.partitionKey()).isEqualTo(customer.toString());
    }

    @Test
    void eventsWithoutCustomerAreKeyedByTenant() {
        EventEnvelope event = EventEnvelope.create("tenant.features_changed", tenant, null, null, null);

        assertThat(event.partitionKey()).isEqualTo(tenant.toString());
        assertThat(event.payload()).isEmpty();
    }

    @Test
    void anEventWithoutTenantIsRefused() {
        assertThatThrownBy(() -> EventEnvelope.create("x", null, null, null, Map.of()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("tenantId");
    }

    @Test
    void deadLetterTopicIsNamedAfterItsSourceAndTheConsumerGroup() {
        assertThat(Topics.deadLetterOf(Topics.CRM_CUSTOMER, "billing-service"))
                .isEqualTo("crm.customer.v1.billing-service.DLT");
        assertThat(Topics.deadLetterOf(Topics.CRM_CUSTOMER, "tasks-service"))
                .isNotEqualTo(Topics.deadLetterOf(Topics.CRM_CUSTOMER, "billing-service"));
        assertThat(Topics.deadLetterOf(Topics.TASKS_TASK, "odd group:name"))
                .isEqualTo("tasks.task.v1.odd_group_name.DLT");
    }
}
