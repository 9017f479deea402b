package dev.agentlocator.tasks.tasks;

import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.TaskEvent;
import dev.agentlocator.platform.kit.logging.Correlation;
import dev.agentlocator.platform.kit.outbox.Outbox;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Writes {@link TaskEvent}s to the outbox in the transaction of the change; the envelope's
 * customerId is the task's customer.
 */
@Component
public class TaskEvents {

    private final Outbox outbox;

    TaskEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void append(TaskEvent type, Task task) {
        append(type, task, null);
    }

    /** @param snoozedMinutes how long the task was put off, on {@link TaskEvent#SNOOZED} */
    void append(TaskEvent type, Task task, Integer snoozedMinutes) {
        String correlation = Correlation.currentId();
        outbox.append(EventEnvelope.of(
                type,
                task.tenantId(),
                task.customerId(),
                // a due alert has no request behind it: give it an id of its own to trace
                correlation != null ? correlation : UUID.randomUUID().toString(),
                new TaskEvent.Payload(
                        task.id().toString(),
                        task.title(),
                        task.status(),
                        task.assigneeId().toString(),
                        task.channel(),
                        task.priority(),
                        task.dueAt() == null ? null : task.dueAt().toString(),
                        task.customerName(),
                        task.customerPhone(),
                        snoozedMinutes)));
    }
}
