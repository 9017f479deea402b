package dev.agentlocator.platform.events;

import java.util.List;
import java.util.Optional;

/**
 * tasks-service's task events on {@code tasks.task.v1}. Every one carries the whole task, so any of
 * them tells a reader the task's status, assignee and due time now. {@link #DUE} is the due alert
 * (ADR 0006).
 */
public enum TaskEvent implements EventType<TaskEvent.Payload> {
    CREATED("task.created", 1),
    UPDATED("task.updated", 1),
    SNOOZED("task.snoozed", 1),
    COMPLETED("task.completed", 1),
    DUE("task.due", 1);

    private final String type;
    private final int version;

    TaskEvent(String type, int version) {
        this.type = type;
        this.version = version;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public int version() {
        return version;
    }

    @Override
    public String topic() {
        return Topics.TASKS_TASK;
    }

    @Override
    public Class<Payload> payloadClass() {
        return Payload.class;
    }

    /** The type of {@code event} when it is one of these; empty otherwise. */
    public static Optional<TaskEvent> of(EventEnvelope event) {
        return EventTypes.find(List.of(values()), event);
    }

    /**
     * @param status open, in_progress, done
     * @param dueAt ISO-8601 with offset; absent when the task has no due time
     * @param customerName the task's customer as tasks-service knows it, for the alert
     * @param minutes how long a {@link #SNOOZED} task was put off; absent on the other types
     */
    public record Payload(
            String taskId,
            String title,
            String status,
            String assigneeId,
            String channel,
            String priority,
            String dueAt,
            String customerName,
            String customerPhone,
            Integer minutes) {}
}
