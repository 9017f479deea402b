package dev.agentlocator.timeline.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.platform.events.EventSamples;
import dev.agentlocator.platform.events.EventType;
import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.platform.kit.messaging.EventReader;
import dev.agentlocator.testkit.EventWire;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/** The timeline's reader against every event of the contract (ADR 0005, ADR 0020). */
class TimelineEventsContractTest {

    private final EventReader reader = new EventReader(JsonMapper.builder().build());

    static List<EventWire.Sample> samples() {
        return EventWire.everyEvent();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyTypeOfTheDomainTopicsIsAnEntryAndNothingElseIs(EventWire.Sample sample) {
        var entry = EntryMapper.map(reader.read(sample.value()));

        if (onTheTimeline(sample.type())) {
            assertThat(entry).hasValueSatisfying(e -> {
                assertThat(e.eventId()).isEqualTo(sample.event().id());
                assertThat(e.customerId()).isEqualTo(EventSamples.CUSTOMER);
                assertThat(e.type()).isEqualTo(sample.type().type());
                assertThat(e.title()).isNotBlank();
                assertThat(e.reference()).isNotBlank();
                assertThat(e.link()).startsWith("/");
                assertThat(e.details()).isNotEmpty().doesNotContainKey("addedInALaterVersion");
            });
        } else {
            assertThat(entry).isEmpty();
            assertThat(TimelineEvents.isKnown(reader.read(sample.value()))).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void aLaterVersionOfAnyTypeIsSkippedUntilTheTimelineLearnsIt(EventWire.Sample sample) {
        var next = reader.read(EventWire.nextVersionOf(sample.event()));

        assertThat(TimelineEvents.isKnown(next)).isFalse();
        assertThat(EntryMapper.map(next)).isEmpty();
    }

    @Test
    void anUnknownTypeIsSkipped() {
        var unknown = reader.read(EventWire.unknownType("call.transcribed"));

        assertThat(TimelineEvents.isKnown(unknown)).isFalse();
        assertThat(EntryMapper.map(unknown)).isEmpty();
    }

    private static boolean onTheTimeline(EventType<?> type) {
        return Topics.DOMAIN_TOPICS.contains(type.topic());
    }
}
