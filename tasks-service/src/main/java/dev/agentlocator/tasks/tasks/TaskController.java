package dev.agentlocator.tasks.tasks;

import dev.agentlocator.platform.kit.features.Features;
import dev.agentlocator.platform.kit.features.RequiresFeature;
import dev.agentlocator.platform.kit.paging.Page;
import dev.agentlocator.platform.kit.paging.PageRequest;
import dev.agentlocator.platform.kit.security.CurrentUser;
import dev.agentlocator.platform.kit.security.Roles;
import dev.agentlocator.tasks.tasks.TaskRequests.CreateTaskRequest;
import dev.agentlocator.tasks.tasks.TaskRequests.SnoozeRequest;
import dev.agentlocator.tasks.tasks.TaskRequests.UpdateTaskRequest;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** SPEC C5 tasks. Filters arrive as text so that every bad value gets a Hebrew 400 naming it. */
@RestController
@RequestMapping("/api/tasks")
@RequiresFeature(Features.TASKS)
class TaskController {

    private static final String BAD_STATUS = "סטטוס לא מוכר: אפשר open,‏ in_progress או done";
    private static final String BAD_CHANNEL = "ערוץ לא מוכר: אפשר call,‏ whatsapp,‏ meeting,‏ email או other";
    private static final String BAD_PRIORITY = "עדיפות לא מוכרת: אפשר low,‏ medium או high";

    private final TaskService tasks;

    TaskController(TaskService tasks) {
        this.tasks = tasks;
    }

    /**
     * {@code mine=true} is the caller's tasks; {@code assigneeId} (or {@code assignee}) and
     * {@code customerId} (or {@code customer}) narrow to one agent or customer.
     */
    @GetMapping
    @PreAuthorize(Roles.CAN_READ)
    Page<Task> list(
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String range,
            @RequestParam(required = false) String mine,
            @RequestParam(required = false) String assigneeId,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String customerId,
            @RequestParam(required = false) String customer,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String priority,
            CurrentUser caller) {
        UUID assigneeFilter = TaskFilter.flag(mine, "mine")
                ? caller.userId()
                : TaskFilter.uuid(assigneeId != null ? assigneeId : assignee, "assigneeId");
        var filter = tasks.filter(
                TaskFilter.range(range),
                assigneeFilter,
                TaskFilter.uuid(customerId != null ? customerId : customer, "customerId"),
                TaskFilter.oneOf(status, TaskFilter.STATUSES, "status", BAD_STATUS),
                TaskFilter.oneOf(channel, TaskFilter.CHANNELS, "channel", BAD_CHANNEL),
                TaskFilter.oneOf(priority, TaskFilter.PRIORITIES, "priority", BAD_PRIORITY));
        return tasks.list(caller.tenantId(), filter, PageRequest.parse(page, limit));
    }

    @GetMapping("/summary")
    @PreAuthorize(Roles.CAN_READ)
    TaskSummary summary(@RequestParam(required = false) String mine, CurrentUser caller) {
        return tasks.summary(caller.tenantId(), TaskFilter.flag(mine, "mine") ? caller.userId() : null);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.CAN_WRITE)
    Task create(@Valid @RequestBody CreateTaskRequest request, CurrentUser caller) {
        return tasks.create(caller, request);
    }

    @GetMapping("/{id}")
    @PreAuthorize(Roles.CAN_READ)
    Task get(@PathVariable UUID id, CurrentUser caller) {
        return tasks.get(caller.tenantId(), id);
    }

    @PatchMapping("/{id}")
    @PreAuthorize(Roles.CAN_WRITE)
    Task update(@PathVariable UUID id, @Valid @RequestBody UpdateTaskRequest request, CurrentUser caller) {
        return tasks.update(caller, id, request);
    }

    @PostMapping("/{id}/snooze")
    @PreAuthorize(Roles.CAN_WRITE)
    Task snooze(@PathVariable UUID id, @Valid @RequestBody SnoozeRequest request, CurrentUser caller) {
        return tasks.snooze(caller.tenantId(), id, request.minutes());
    }

    @PostMapping("/{id}/done")
    @PreAuthorize(Roles.CAN_WRITE)
    Task done(@PathVariable UUID id, CurrentUser caller) {
        return tasks.done(caller.tenantId(), id);
    }
}
