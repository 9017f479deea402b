package dev.agentlocator.tasks.callbacks;

import dev.agentlocator.tasks.customers.CustomerDirectory;
import dev.agentlocator.tasks.tasks.TaskService;
import dev.agentlocator.tasks.tasks.TasksProperties;
import dev.agentlocator.tasks.users.UserDirectory;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The task a call leaves (ADR 0027): for the customer's owner, else the tenant's on-duty agent,
 * else an owner of the tenant; due after the tenant's response time counted in business hours;
 * channel {@code call}; one per call.
 */
@Service
class CallbackService {

    private static final Logger log = LoggerFactory.getLogger(CallbackService.class);

    /** Why the call needs a call-back; the task's title says it. */
    enum Reason {
        PROMISED,
        MISSED
    }

    /**
     * @param customerName as the call named them, or null
     * @param from the caller's number
     */
    record CallNeedingCallback(
            UUID tenantId,
            UUID customerId,
            String callId,
            Reason reason,
            String customerName,
            String from,
            String summary) {}

    private final TaskService tasks;
    private final SettingsService settings;
    private final CustomerDirectory customers;
    private final UserDirectory users;
    private final TasksProperties properties;
    private final Clock clock;

    CallbackService(
            TaskService tasks,
            SettingsService settings,
            CustomerDirectory customers,
            UserDirectory users,
            TasksProperties properties,
            Clock clock) {
        this.tasks = tasks;
        this.settings = settings;
        this.customers = customers;
        this.users = users;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return whether a task was created (false: the call has one, or the tenant has nobody to give it to) */
    boolean create(CallNeedingCallback call) {
        CallbackSettings rule = settings.of(call.tenantId());
        Optional<UUID> assignee = assignee(call.tenantId(), call.customerId(), rule);
        if (assignee.isEmpty()) {
            log.warn(
                    "Call {} of tenant {} needs a call-back but the tenant has no active owner known yet",
                    call.callId(),
                    call.tenantId());
            return false;
        }
        var due = rule.hours()
                .dueAt(clock.instant(), rule.responseTime(), properties.timeZone())
                .atZone(properties.timeZone())
                .toOffsetDateTime()
                .truncatedTo(ChronoUnit.SECONDS);
        boolean created = tasks.createForCall(
                call.tenantId(), call.customerId(), call.callId(), assignee.get(), title(call), notes(call), due);
        if (created) {
            log.info("Call {} ({}): call-back task for {} due {}", call.callId(), call.reason(), assignee.get(), due);
        }
        return created;
    }

    Optional<UUID> assignee(UUID tenantId, UUID customerId, CallbackSettings rule) {
        if (customerId != null) {
            Optional<UUID> owner =
                    customers.ownerOf(tenantId, customerId).filter(u -> users.isActiveMember(tenantId, u));
            if (owner.isPresent()) {
                return owner;
            }
        }
        if (rule.onDutyUserId() != null && users.isActiveMember(tenantId, rule.onDutyUserId())) {
            return Optional.of(rule.onDutyUserId());
        }
        return users.anOwner(tenantId);
    }

    static String title(CallNeedingCallback call) {
        String who = call.customerName() != null ? call.customerName() : call.from() != null ? call.from() : "המתקשר";
        return switch (call.reason()) {
            case PROMISED -> "לחזור אל " + who + " (הובטח בשיחה)";
            case MISSED -> "שיחה שלא נענתה מ־" + who + ": לחזור";
        };
    }

    private static String notes(CallNeedingCallback call) {
        return call.summary() == null || call.summary().isBlank()
                ? null
                : call.summary().strip();
    }

    /** For tests and logs: now in the business's zone. */
    OffsetDateTime now() {
        return OffsetDateTime.now(clock.withZone(properties.timeZone()));
    }
}
