package dev.agentlocator.notification.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.notification.TaskDueAlert;
import dev.agentlocator.platform.events.EventSamples;
import dev.agentlocator.platform.events.TaskEvent;
import dev.agentlocator.platform.kit.messaging.EventReader;
import dev.agentlocator.testkit.EventWire;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/** notification-service's readers (the due alert, the task's state) against every event (ADR 0020). */
class TaskEventReadersContractTest {

    private final EventReader reader = new EventReader(JsonMapper.builder().build());

    static List<EventWire.Sample> samples() {
        return EventWire.everyEvent();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void theDueAlertIsReadFromTaskDueOnly(EventWire.Sample sample) {
        var event = reader.read(sample.value());

        assertThat(TaskEvent.DUE.isTypeOf(event)).isEqualTo(sample.type() == TaskEvent.DUE);
        if (sample.type() == TaskEvent.DUE) {
            var sent = sample.event().payload(TaskEvent.DUE);
            var alert = TaskDueAlert.from(event);
            assertThat(alert.id()).isEqualTo(sample.event().id());
            assertThat(alert.taskId()).isEqualTo(UUID.fromString(sent.taskId()));
            assertThat(alert.assigneeId()).isEqualTo(UUID.fromString(sent.assigneeId()));
            assertThat(alert.title()).isEqualTo(sent.title());
            assertThat(alert.customerId()).isEqualTo(EventSamples.CUSTOMER);
            assertThat(alert.customerName()).isEqualTo(sent.customerName());
            assertThat(alert.customerPhone()).isEqualTo(sent.customerPhone());
            assertThat(alert.dueAt()).isEqualTo(OffsetDateTime.parse(sent.dueAt()));
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyTaskEventSaysWhatTheTaskIsNow(EventWire.Sample sample) {
        var change = TaskChange.of(reader.read(sample.value()));

        if (sample.type() instanceof TaskEvent type) {
            var sent = sample.event().payload(type);
            assertThat(change)
                    .contains(new TaskChange(
                            UUID.fromString(sent.taskId()),
                            sent.status(),
                            UUID.fromString(sent.assigneeId()),
                            OffsetDateTime.parse(sent.dueAt())));
        } else {
            assertThat(change).isEmpty();
        }
    }

    @Test
    void typesAndVersionsItDoesNotKnowAreSkipped() {
        var unknown = reader.read(EventWire.unknownType("task.escalated"));
        var next = reader.read(EventWire.nextVersionOf(EventSamples.of(TaskEvent.DUE)));

        assertThat(TaskEvent.DUE.isTypeOf(unknown)).isFalse();
        assertThat(TaskEvent.DUE.isTypeOf(next)).isFalse();
        assertThat(TaskChange.of(unknown)).isEmpty();
        assertThat(TaskChange.of(next)).isEmpty();
    }
}
