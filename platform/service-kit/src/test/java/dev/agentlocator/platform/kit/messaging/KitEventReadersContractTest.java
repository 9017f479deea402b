package dev.agentlocator.platform.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.platform.events.CustomerEvent;
import dev.agentlocator.platform.events.EventSamples;
import dev.agentlocator.platform.events.EventTypes;
import dev.agentlocator.platform.events.TenantEvent;
import dev.agentlocator.platform.kit.features.EventFedTenantFeatures;
import dev.agentlocator.testkit.EventWire;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The kit's readers against every event of the contract, sent by a producer one version ahead:
 * {@link EventReader}, the local customer copies' {@link CustomerChange} and the tenant flags.
 */
class KitEventReadersContractTest {

    private final EventReader reader = new EventReader(JsonMapper.builder().build());

    static List<EventWire.Sample> samples() {
        return EventWire.everyEvent();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyEventReadsBackAsItsRecordWhateverFieldsWereAdded(EventWire.Sample sample) {
        var event = reader.read(sample.value());

        assertThat(event.id()).isEqualTo(sample.event().id());
        assertThat(event.occurredAt()).isEqualTo(sample.event().occurredAt());
        assertThat(EventTypes.of(event)).contains(sample.type());
        assertThat(event.payload(sample.type())).isEqualTo(sample.event().payload(sample.type()));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void theLocalCustomerCopiesReadEveryCustomerEventAndNothingElse(EventWire.Sample sample) {
        var change = CustomerChange.of(reader.read(sample.value()));

        if (sample.type() instanceof CustomerEvent type) {
            var payload = sample.event().payload(type);
            assertThat(change).hasValueSatisfying(c -> {
                assertThat(c.customerId()).isEqualTo(EventSamples.CUSTOMER);
                assertThat(c.name()).isEqualTo(payload.name());
                assertThat(c.phone()).isEqualTo(payload.phone());
                assertThat(c.email()).isEqualTo(payload.email());
                assertThat(c.vatId()).isEqualTo(payload.vatId());
                assertThat(c.deleted()).isEqualTo(type == CustomerEvent.DELETED);
            });
        } else {
            assertThat(change).isEmpty();
        }
    }

    @Test
    void unknownTypesAndVersionsAreSkippedByEveryKitReader() {
        var customer = EventSamples.of(CustomerEvent.CREATED);
        assertThat(CustomerChange.of(reader.read(EventWire.unknownType("customer.merged"))))
                .isEmpty();
        assertThat(CustomerChange.of(reader.read(EventWire.nextVersionOf(customer))))
                .isEmpty();

        var features = new EventFedTenantFeatures(reader);
        features.accept(EventWire.unknownType("tenant.renamed"));
        features.accept(EventWire.nextVersionOf(EventSamples.of(TenantEvent.FEATURES_CHANGED)));
        assertThat(features.isEnabled(EventSamples.TENANT, "whatsapp")).isTrue();
    }

    @Test
    void theTenantFlagsReadTheirEvent() {
        var features = new EventFedTenantFeatures(reader);
        var sample = EventWire.everyEvent().stream()
                .filter(s -> s.type() == TenantEvent.FEATURES_CHANGED)
                .findFirst()
                .orElseThrow();

        features.accept(sample.value());

        assertThat(features.isEnabled(EventSamples.TENANT, "whatsapp")).isFalse();
        assertThat(features.isEnabled(EventSamples.TENANT, "crm")).isTrue();
    }
}
