package dev.agentlocator.tasks.tasks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Bodies of the task endpoints. Unknown enum values are refused with a Hebrew 400. */
final class TaskRequests {

    static final String CHANNEL_PATTERN = "call|whatsapp|meeting|email|other";
    static final String PRIORITY_PATTERN = "low|medium|high";
    static final String STATUS_PATTERN = "open|in_progress|done";

    /** The assignee defaults to the caller; the tenant always comes from the token. */
    record CreateTaskRequest(
            @NotBlank(message = "יש להזין כותרת למשימה") @Size(max = 300, message = "כותרת המשימה ארוכה מדי")
            String title,

            @Size(max = 5000, message = "ההערות ארוכות מדי") String notes,
            UUID customerId,
            UUID assigneeId,
            OffsetDateTime dueAt,

            @Pattern(regexp = CHANNEL_PATTERN, message = "ערוץ לא מוכר")
            String channel,

            @Pattern(regexp = PRIORITY_PATTERN, message = "עדיפות לא מוכרת")
            String priority,

            @Pattern(regexp = STATUS_PATTERN, message = "סטטוס לא מוכר")
            String status) {}

    /**
     * PATCH: a field left out (or null) keeps its value; an empty {@code notes} clears the notes. A
     * new {@code dueAt} re-arms the alert.
     */
    record UpdateTaskRequest(
            @Size(min = 1, max = 300, message = "כותרת המשימה אינה תקינה")
            String title,

            @Size(max = 5000, message = "ההערות ארוכות מדי") String notes,
            UUID customerId,
            UUID assigneeId,
            OffsetDateTime dueAt,

            @Pattern(regexp = CHANNEL_PATTERN, message = "ערוץ לא מוכר")
            String channel,

            @Pattern(regexp = PRIORITY_PATTERN, message = "עדיפות לא מוכרת")
            String priority,

            @Pattern(regexp = STATUS_PATTERN, message = "סטטוס לא מוכר")
            String status) {}

    record SnoozeRequest(
            @NotNull(message = "יש לבחור לכמה דקות לדחות") Integer minutes) {}

    private TaskRequests() {}
}
