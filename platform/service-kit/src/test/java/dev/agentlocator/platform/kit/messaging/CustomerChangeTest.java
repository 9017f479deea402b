package dev.agentlocator.platform.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentlocator.platform.events.EventEnvelope;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CustomerChangeTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID CUSTOMER = UUID.randomUUID();

    @Test
    void aCreatedOrUpdatedCustomerIsLiveWithItsTrimmedFields() {
        var event = EventEnvelope.create(
                "customer.updated",
                TENANT,
                CUSTOMER,
                "corr",
                Map.of("name", " דנה כהן ", "phone", "+972501234567", "email", " ", "vatId", "514000001"));

        var change = CustomerChange.of(event).orElseThrow();

        assertThat(change.tenantId()).isEqualTo(TENANT);
        assertThat(change.customerId()).isEqualTo(CUSTOMER);
        assertThat(change.name()).isEqualTo("דנה כהן");
        assertThat(change.phone()).isEqualTo("+972501234567");
        assertThat(change.email()).as("blank means absent").isNull();
        assertThat(change.vatId()).isEqualTo("514000001");
        assertThat(change.deleted()).isFalse();
        assertThat(change.occurredAt()).isEqualTo(event.occurredAt());
    }

    @Test
    void aDeletedCustomerIsMarkedDeleted() {
        var event = EventEnvelope.create("customer.deleted", TENANT, CUSTOMER, "corr", Map.of("name", "דנה"));

        assertThat(CustomerChange.of(event))
                .hasValueSatisfying(c -> assertThat(c.deleted()).isTrue());
    }

    @Test
    void otherTypesAreIgnoredAndACustomerEventWithoutANameIsPoison() {
        assertThat(CustomerChange.of(EventEnvelope.create("customer.merged", TENANT, CUSTOMER, "c", Map.of())))
                .isEmpty();
        assertThatThrownBy(() ->
                        CustomerChange.of(EventEnvelope.create("customer.created", TENANT, CUSTOMER, "c", Map.of())))
                .isInstanceOf(PoisonEventException.class);
        assertThatThrownBy(() -> CustomerChange.of(
                        EventEnvelope.create("customer.created", TENANT, null, "c", Map.of("name", "דנה"))))
                .isInstanceOf(PoisonEventException.class);
    }
}
