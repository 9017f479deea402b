package dev.agentlocator.tasks.tasks;

import static dev.agentlocator.platform.kit.text.Text.blankToNull;

import dev.agentlocator.platform.events.TaskEvent;
import dev.agentlocator.platform.kit.errors.ApiException;
import dev.agentlocator.platform.kit.paging.Page;
import dev.agentlocator.platform.kit.paging.PageRequest;
import dev.agentlocator.platform.kit.security.CurrentUser;
import dev.agentlocator.tasks.customers.CustomerDirectory;
import dev.agentlocator.tasks.tasks.TaskRequests.CreateTaskRequest;
import dev.agentlocator.tasks.tasks.TaskRequests.UpdateTaskRequest;
import dev.agentlocator.tasks.users.UserDirectory;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Tasks of one tenant: every change commits with its {@code tasks.task.v1} event. */
@Service
public class TaskService {

    static final Set<Integer> SNOOZE_MINUTES = Set.of(5, 15, 60);

    private final TaskRepository tasks;
    private final CustomerDirectory customers;
    private final UserDirectory users;
    private final TaskEvents events;
    private final ApplicationEventPublisher publisher;
    private final TasksProperties properties;
    private final Clock clock;

    TaskService(
            TaskRepository tasks,
            CustomerDirectory customers,
            UserDirectory users,
            TaskEvents events,
            ApplicationEventPublisher publisher,
            TasksProperties properties,
            Clock clock) {
        this.tasks = tasks;
        this.customers = customers;
        this.users = users;
        this.events = events;
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Page<Task> list(UUID tenantId, TaskFilter filter, PageRequest page) {
        long total = tasks.count(tenantId, filter);
        return new Page<>(tasks.list(tenantId, filter, page), page.page(), page.limit(), total, page.pages(total));
    }

    /** Builds the filter of a list request; "today" and "this week" are the business's calendar. */
    TaskFilter filter(
            TaskFilter.Range range, UUID assigneeId, UUID customerId, String status, String channel, String priority) {
        OffsetDateTime from = null;
        OffsetDateTime to = null;
        OffsetDateTime overdue = null;
        switch (range) {
            case TODAY -> {
                from = startOfToday().toOffsetDateTime();
                to = startOfToday().plusDays(1).toOffsetDateTime();
            }
            case WEEK -> {
                from = startOfWeek().toOffsetDateTime();
                to = startOfWeek().plusWeeks(1).toOffsetDateTime();
            }
            case OVERDUE -> overdue = OffsetDateTime.now(clock);
            case ALL -> {}
        }
        return new TaskFilter(assigneeId, customerId, status, channel, priority, from, to, overdue);
    }

    @Transactional(readOnly = true)
    TaskSummary summary(UUID tenantId, UUID assigneeId) {
        ZonedDateTime today = startOfToday();
        ZonedDateTime week = startOfWeek();
        return tasks.summary(
                tenantId,
                assigneeId,
                OffsetDateTime.now(clock),
                today.toOffsetDateTime(),
                today.plusDays(1).toOffsetDateTime(),
                week.toOffsetDateTime(),
                week.plusWeeks(1).toOffsetDateTime());
    }

    @Transactional(readOnly = true)
    public Task get(UUID tenantId, UUID id) {
        return tasks.find(tenantId, id).orElseThrow(ApiException::notFound);
    }

    @Transactional
    public Task create(CurrentUser caller, CreateTaskRequest request) {
        UUID tenantId = caller.tenantId();
        if (request.customerId() != null) {
            requireLiveCustomer(tenantId, request.customerId());
        }
        UUID assignee = Objects.requireNonNullElse(request.assigneeId(), caller.userId());
        requireAssignable(caller, assignee);
        String status = Objects.requireNonNullElse(request.status(), "open");
        OffsetDateTime now = OffsetDateTime.now(clock);
        var task = new Task(
                UUID.randomUUID(),
                tenantId,
                request.title().strip(),
                blankToNull(request.notes()),
                request.customerId(),
                null,
                null,
                assignee,
                request.dueAt(),
                Objects.requireNonNullElse(request.channel(), "other"),
                Objects.requireNonNullElse(request.priority(), "medium"),
                status,
                Task.DONE.equals(status) ? now : null,
                now,
                now,
                null);
        tasks.insert(task);
        Task created = tasks.find(tenantId, task.id()).orElseThrow();
        events.append(TaskEvent.CREATED, created);
        armed(created);
        return created;
    }

    @Transactional
    public Task update(CurrentUser caller, UUID id, UpdateTaskRequest request) {
        UUID tenantId = caller.tenantId();
        Task current = tasks.findForUpdate(tenantId, id).orElseThrow(ApiException::notFound);
        if (request.customerId() != null && !request.customerId().equals(current.customerId())) {
            requireLiveCustomer(tenantId, request.customerId());
        }
        if (request.assigneeId() != null && !request.assigneeId().equals(current.assigneeId())) {
            requireAssignable(caller, request.assigneeId());
        }
        String status = Objects.requireNonNullElse(request.status(), current.status());
        boolean completes = !current.isDone() && Task.DONE.equals(status);
        boolean reopens = current.isDone() && !Task.DONE.equals(status);
        var changed = new Task(
                id,
                tenantId,
                request.title() != null ? request.title().strip() : current.title(),
                request.notes() != null ? blankToNull(request.notes()) : current.notes(),
                or(request.customerId(), current.customerId()),
                null,
                null,
                Objects.requireNonNullElse(request.assigneeId(), current.assigneeId()),
                or(request.dueAt(), current.dueAt()),
                Objects.requireNonNullElse(request.channel(), current.channel()),
                Objects.requireNonNullElse(request.priority(), current.priority()),
                status,
                completes ? OffsetDateTime.now(clock) : reopens ? null : current.completedAt(),
                current.createdAt(),
                current.updatedAt(),
                current.callId());
        boolean newDueTime = request.dueAt() != null
                && (current.dueAt() == null || !request.dueAt().isEqual(current.dueAt()));
        if (request.title() != null && changed.title().isEmpty()) {
            throw ApiException.badRequest("validation_failed", "יש להזין כותרת למשימה");
        }
        // A new due time, or a reopened task, is a new alarm.
        tasks.update(changed, newDueTime || reopens);
        Task saved = tasks.find(tenantId, id).orElseThrow();
        events.append(completes ? TaskEvent.COMPLETED : TaskEvent.UPDATED, saved);
        if (newDueTime || reopens) {
            armed(saved);
        }
        return saved;
    }

    /** Moves the due time to now + minutes and re-arms the alert (the modal's 5 / 15 / 60). */
    @Transactional
    public Task snooze(UUID tenantId, UUID id, Integer minutes) {
        if (minutes == null || !SNOOZE_MINUTES.contains(minutes)) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "invalid_snooze",
                    "אפשר לדחות משימה ב־5, 15 או 60 דקות בלבד",
                    Map.of("fields", Map.of("minutes", "ערך לא נתמך")));
        }
        Task current = tasks.findForUpdate(tenantId, id).orElseThrow(ApiException::notFound);
        if (current.isDone()) {
            throw ApiException.conflict("task_done", "המשימה כבר בוצעה ואי אפשר לדחות אותה");
        }
        var snoozed = new Task(
                id,
                tenantId,
                current.title(),
                current.notes(),
                current.customerId(),
                null,
                null,
                current.assigneeId(),
                OffsetDateTime.now(clock).plusMinutes(minutes).truncatedTo(ChronoUnit.MILLIS),
                current.channel(),
                current.priority(),
                current.status(),
                current.completedAt(),
                current.createdAt(),
                current.updatedAt(),
                current.callId());
        tasks.update(snoozed, true);
        Task saved = tasks.find(tenantId, id).orElseThrow();
        events.append(TaskEvent.SNOOZED, saved, minutes);
        armed(saved);
        return saved;
    }

    /** Closes the task; a task done never fires. Done again is a no-op, not an error. */
    @Transactional
    public Task done(UUID tenantId, UUID id) {
        Task current = tasks.findForUpdate(tenantId, id).orElseThrow(ApiException::notFound);
        if (current.isDone()) {
            return current;
        }
        var done = new Task(
                id,
                tenantId,
                current.title(),
                current.notes(),
                current.customerId(),
                null,
                null,
                current.assigneeId(),
                current.dueAt(),
                current.channel(),
                current.priority(),
                Task.DONE,
                OffsetDateTime.now(clock),
                current.createdAt(),
                current.updatedAt(),
                current.callId());
        tasks.update(done, false);
        Task saved = tasks.find(tenantId, id).orElseThrow();
        events.append(TaskEvent.COMPLETED, saved);
        return saved;
    }

    /**
     * The task a call leaves behind (ADR 0027): assigned by the call-back rule, not by a user, and
     * at most one per call. {@code false} when the call has its task already (a redelivery).
     */
    @Transactional
    public boolean createForCall(
            UUID tenantId,
            UUID customerId,
            String callId,
            UUID assignee,
            String title,
            String notes,
            OffsetDateTime dueAt) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        var task = new Task(
                UUID.randomUUID(),
                tenantId,
                title,
                notes,
                customerId,
                null,
                null,
                assignee,
                dueAt,
                "call",
                "high",
                "open",
                null,
                now,
                now,
                callId);
        if (!tasks.insertForCall(task)) {
            return false;
        }
        Task created = tasks.find(tenantId, task.id()).orElseThrow();
        events.append(TaskEvent.CREATED, created);
        armed(created);
        return true;
    }

    private void armed(Task task) {
        if (task.dueAt() != null && !task.isDone()) {
            publisher.publishEvent(new DueTimeSet(task.dueAt()));
        }
    }

    private void requireLiveCustomer(UUID tenantId, UUID customerId) {
        if (customers.isUnavailable(tenantId, customerId)) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "customer_not_found",
                    "הלקוח שנבחר לא נמצא",
                    Map.of("fields", Map.of("customerId", "הלקוח לא נמצא או נמחק")));
        }
    }

    /**
     * A task goes to an active user of the caller's own tenant. The caller is one by their token, even
     * before crm's event about them has reached {@link UserDirectory}; anyone else must be there.
     */
    private void requireAssignable(CurrentUser caller, UUID assigneeId) {
        if (!assigneeId.equals(caller.userId()) && !users.isActiveMember(caller.tenantId(), assigneeId)) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "assignee_not_found",
                    "המשתמש שנבחר אינו משתמש פעיל בחשבון",
                    Map.of("fields", Map.of("assigneeId", "אפשר להקצות משימה רק למשתמש פעיל בחשבון")));
        }
    }

    private ZonedDateTime startOfToday() {
        return LocalDate.now(clock.withZone(properties.timeZone())).atStartOfDay(properties.timeZone());
    }

    /** Israeli weeks start on Sunday. */
    private ZonedDateTime startOfWeek() {
        return LocalDate.now(clock.withZone(properties.timeZone()))
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY))
                .atStartOfDay(properties.timeZone());
    }

    /** A PATCH field: the new value when given, else the current one (which may be none). */
    private static <T> T or(T given, T current) {
        return given != null ? given : current;
    }
}
