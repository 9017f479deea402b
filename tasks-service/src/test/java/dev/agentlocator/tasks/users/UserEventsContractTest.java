package dev.agentlocator.tasks.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.platform.events.EventSamples;
import dev.agentlocator.platform.events.UserEvent;
import dev.agentlocator.platform.kit.messaging.EventReader;
import dev.agentlocator.testkit.EventWire;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/** The users read model's reader against every event of the contract (ADR 0020). */
class UserEventsContractTest {

    private final EventReader reader = new EventReader(JsonMapper.builder().build());

    static List<EventWire.Sample> samples() {
        return EventWire.everyEvent();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void readsEveryUserEventAndSkipsTheRest(EventWire.Sample sample) {
        var user = UserEventsListener.user(reader.read(sample.value()));

        if (sample.type() instanceof UserEvent type) {
            var sent = sample.event().payload(type);
            assertThat(user)
                    .contains(new UserEventsListener.User(EventSamples.USER, sent.name(), sent.role(), sent.active()));
        } else {
            assertThat(user).isEmpty();
        }
    }

    @Test
    void skipsTypesAndVersionsItDoesNotKnow() {
        assertThat(UserEventsListener.user(reader.read(EventWire.unknownType("user.invited"))))
                .isEmpty();
        assertThat(UserEventsListener.user(reader.read(EventWire.nextVersionOf(EventSamples.of(UserEvent.UPDATED)))))
                .isEmpty();
    }
}
