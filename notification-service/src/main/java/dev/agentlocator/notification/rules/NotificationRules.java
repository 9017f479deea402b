package dev.agentlocator.notification.rules;

import dev.agentlocator.notification.NewNotification;
import dev.agentlocator.notification.NewNotification.Priority;
import dev.agentlocator.notification.NotificationKind;
import dev.agentlocator.platform.events.CallEvent;
import dev.agentlocator.platform.events.ContractEvent;
import dev.agentlocator.platform.events.CustomerEvent;
import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.InvoiceEvent;
import dev.agentlocator.platform.events.TaskEvent;
import dev.agentlocator.platform.events.UserEvent;
import dev.agentlocator.platform.events.WhatsAppEvent;
import dev.agentlocator.platform.kit.messaging.PoisonEventException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Turns one event into the notifications it raises, one per recipient (ADR 0028), and keeps the
 * read models the rules ask (customer owners, users, task assignees) up to date with it. Runs in
 * the idempotent consumer's transaction, so the read models and the notifications of an event
 * commit together or not at all.
 */
@Component
class NotificationRules {

    /** Twilio's final statuses of a call nobody took (CallService.FINAL without "completed"). */
    static final Set<String> UNANSWERED = Set.of("no-answer", "busy", "canceled", "failed");

    /** Receptionist outcomes of a call the caller left before anything was taken. */
    static final Set<String> ABANDONED = Set.of("missed", "abandoned", "no_speech", "hung_up");

    private static final String INBOUND = "inbound";
    private static final int SNIPPET = 80;

    private final ReadModelRepository readModels;
    private final Clock clock;

    NotificationRules(ReadModelRepository readModels, Clock clock) {
        this.readModels = readModels;
        this.clock = clock;
    }

    /** One notification a rule raises, before it is addressed. */
    private record Draft(
            NotificationKind kind,
            String title,
            String body,
            String link,
            Priority priority,
            UUID customerId,
            String customerName,
            String customerPhone,
            UUID taskId) {}

    List<NewNotification> apply(EventEnvelope event) {
        List<UUID> recipients = new ArrayList<>();
        Optional<Draft> draft = Optional.empty();
        if (UserEvent.of(event).isPresent()) {
            user(event);
        } else if (CustomerEvent.of(event).isPresent()) {
            draft = customer(event, recipients);
        } else if (CallEvent.COMPLETED.isTypeOf(event)) {
            draft = missedCall(event, recipients);
        } else if (WhatsAppEvent.RECEIVED.isTypeOf(event)) {
            draft = whatsApp(event, recipients);
        } else if (ContractEvent.of(event).isPresent()) {
            draft = contract(event, recipients);
        } else if (InvoiceEvent.PAID.isTypeOf(event)) {
            draft = invoicePaid(event, recipients);
        } else if (InvoiceEvent.ALLOCATION_REJECTED.isTypeOf(event)
                || InvoiceEvent.ALLOCATION_OVERDUE.isTypeOf(event)) {
            draft = allocationProblem(event, recipients);
        } else if (TaskEvent.of(event).isPresent() && !TaskEvent.DUE.isTypeOf(event)) {
            draft = taskAssigned(event, recipients);
        }
        if (draft.isEmpty()) {
            return List.of();
        }
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        Draft d = draft.get();
        return recipients.stream()
                .distinct()
                .map(user -> new NewNotification(
                        NewNotification.idOf(event.id(), user, d.kind()),
                        event.tenantId(),
                        user,
                        d.kind(),
                        d.title(),
                        d.body(),
                        d.link(),
                        d.priority(),
                        d.customerId(),
                        d.customerName(),
                        d.customerPhone(),
                        d.taskId(),
                        null,
                        now))
                .toList();
    }

    private void user(EventEnvelope event) {
        UserEvent.Payload user = event.payload(UserEvent.of(event).orElseThrow());
        UUID id = uuid(user.userId());
        if (id == null || user.role() == null || user.active() == null) {
            throw new PoisonEventException("User event " + event.id() + " lacks the id, role or active flag");
        }
        readModels.upsertUser(event.tenantId(), id, user.role(), user.active(), event.occurredAt());
    }

    private Optional<Draft> customer(EventEnvelope event, List<UUID> recipients) {
        CustomerEvent type = CustomerEvent.of(event).orElseThrow();
        UUID customerId = event.customerId();
        if (customerId == null) {
            throw new PoisonEventException("Customer event " + event.id() + " has no customer");
        }
        if (type == CustomerEvent.DELETED) {
            readModels.deleteCustomer(event.tenantId(), customerId);
            return Optional.empty();
        }
        CustomerEvent.Payload customer = event.payload(type);
        UUID owner = uuid(customer.ownerId());
        readModels.upsertCustomer(
                event.tenantId(), customerId, owner, text(customer.name()), text(customer.phone()), event.occurredAt());
        if (type != CustomerEvent.CREATED) {
            return Optional.empty();
        }
        String source = customer.source() == null ? "" : customer.source().toLowerCase(Locale.ROOT);
        String title;
        Priority priority = Priority.NORMAL;
        switch (source) {
            case "manual" -> {
                return Optional.empty(); // an agent typed it in: nobody needs telling
            }
            case "call", "phone" -> {
                title = "ליד חדש משיחה";
                priority = Priority.HIGH;
            }
            case "whatsapp" -> {
                title = "ליד חדש מוואטסאפ";
                priority = Priority.HIGH;
            }
            case "import" -> {
                title = "ליד חדש מייבוא";
                priority = Priority.LOW;
            }
            case "web", "website", "form" -> title = "ליד חדש מהאתר";
            default -> title = "ליד חדש";
        }
        if (owner != null) {
            recipients.add(owner);
        } else {
            recipients.addAll(readModels.activeOwners(event.tenantId()));
        }
        return Optional.of(new Draft(
                NotificationKind.LEAD_NEW,
                title,
                join(text(customer.name()), text(customer.phone())),
                "/customers/" + customerId,
                priority,
                customerId,
                text(customer.name()),
                text(customer.phone()),
                null));
    }

    private Optional<Draft> missedCall(EventEnvelope event, List<UUID> recipients) {
        CallEvent.Payload call = event.payload(CallEvent.COMPLETED);
        boolean inbound = INBOUND.equals(call.direction());
        boolean unanswered = call.status() != null && UNANSWERED.contains(call.status());
        boolean abandoned = call.outcome() != null && ABANDONED.contains(call.outcome());
        if (!inbound || !(unanswered || abandoned)) {
            return Optional.empty();
        }
        var customer = ownerOf(event, recipients);
        String name = customer.map(ReadModelRepository.Customer::name).orElse(null);
        return Optional.of(new Draft(
                NotificationKind.CALL_MISSED,
                "שיחה שלא נענתה",
                name != null ? join(name, call.from()) : text(call.from()),
                event.customerId() != null ? "/customers/" + event.customerId() : "/calls",
                Priority.HIGH,
                event.customerId(),
                name,
                text(call.from()),
                null));
    }

    private Optional<Draft> whatsApp(EventEnvelope event, List<UUID> recipients) {
        WhatsAppEvent.Payload message = event.payload(WhatsAppEvent.RECEIVED);
        // The agent who took the conversation hears of it first; unassigned, the customer's owner.
        UUID assignee = uuid(message.assignedTo());
        Optional<ReadModelRepository.Customer> customer;
        if (assignee != null && readModels.isActiveUser(event.tenantId(), assignee)) {
            recipients.add(assignee);
            customer = customerOf(event);
        } else {
            customer = ownerOf(event, recipients);
        }
        String name = customer.map(ReadModelRepository.Customer::name)
                .or(() -> Optional.ofNullable(text(message.customerName())))
                .orElse(text(message.peerPhone()));
        String text = text(message.text());
        if (text == null && message.mediaCount() != null && message.mediaCount() > 0) {
            text = "📎 קובץ מצורף";
        }
        return Optional.of(new Draft(
                NotificationKind.WHATSAPP_RECEIVED,
                name != null ? "הודעת WhatsApp מ" + name : "הודעת WhatsApp חדשה",
                snippet(text),
                event.customerId() != null ? "/customers/" + event.customerId() : "/customers",
                Priority.NORMAL,
                event.customerId(),
                customer.map(ReadModelRepository.Customer::name).orElse(null),
                text(message.peerPhone()),
                null));
    }

    private Optional<Draft> contract(EventEnvelope event, List<UUID> recipients) {
        ContractEvent type = ContractEvent.of(event).orElseThrow();
        NotificationKind kind;
        String title;
        Priority priority;
        switch (type) {
            case VIEWED -> {
                kind = NotificationKind.QUOTE_VIEWED;
                title = "הצעת המחיר נצפתה";
                priority = Priority.NORMAL;
            }
            case SIGNED -> {
                kind = NotificationKind.QUOTE_SIGNED;
                title = "הצעת המחיר נחתמה";
                priority = Priority.HIGH;
            }
            case DECLINED -> {
                kind = NotificationKind.QUOTE_DECLINED;
                title = "הצעת המחיר נדחתה";
                priority = Priority.HIGH;
            }
            default -> {
                return Optional.empty();
            }
        }
        ContractEvent.Payload contract = event.payload(type);
        UUID contractId = uuid(contract.contractId());
        ownerOf(event, recipients);
        return Optional.of(new Draft(
                kind,
                title,
                join(text(contract.title()), text(contract.customerName())),
                contractId != null ? "/contracts/" + contractId : "/contracts",
                priority,
                event.customerId(),
                text(contract.customerName()),
                null,
                null));
    }

    private Optional<Draft> invoicePaid(EventEnvelope event, List<UUID> recipients) {
        InvoiceEvent.Payload invoice = event.payload(InvoiceEvent.PAID);
        UUID invoiceId = uuid(invoice.invoiceId());
        ownerOf(event, recipients);
        String document = DOCUMENTS.getOrDefault(String.valueOf(invoice.type()), "חשבונית");
        return Optional.of(new Draft(
                NotificationKind.INVOICE_PAID,
                "חשבונית שולמה",
                join(
                        invoice.number() != null ? document + " " + invoice.number() : document,
                        text(invoice.customerName())),
                invoiceId != null ? "/invoices/" + invoiceId : "/invoices",
                Priority.NORMAL,
                event.customerId(),
                text(invoice.customerName()),
                null,
                null));
    }

    /**
     * An invoice without its allocation number is the business's legal matter, not the customer's
     * agent's: it goes to the tenant's owners, who connect the business and fix its details.
     */
    private Optional<Draft> allocationProblem(EventEnvelope event, List<UUID> recipients) {
        InvoiceEvent type = InvoiceEvent.of(event).orElseThrow();
        InvoiceEvent.Payload invoice = event.payload(type);
        UUID invoiceId = uuid(invoice.invoiceId());
        recipients.addAll(readModels.activeOwners(event.tenantId()));
        String document = DOCUMENTS.getOrDefault(String.valueOf(invoice.type()), "חשבונית");
        String named = invoice.number() != null ? document + " " + invoice.number() : document;
        boolean rejected = type == InvoiceEvent.ALLOCATION_REJECTED;
        return Optional.of(new Draft(
                rejected ? NotificationKind.ALLOCATION_REJECTED : NotificationKind.ALLOCATION_OVERDUE,
                rejected ? "רשות המסים דחתה את מספר ההקצאה" : "חשבונית ממתינה למספר הקצאה זמן רב",
                join(join(named, text(invoice.customerName())), text(invoice.allocationMessage())),
                invoiceId != null ? "/invoices/" + invoiceId : "/invoices",
                Priority.HIGH,
                event.customerId(),
                text(invoice.customerName()),
                null,
                null));
    }

    private static final Map<String, String> DOCUMENTS =
            Map.of("tax_invoice", "חשבונית מס", "tax_invoice_receipt", "חשבונית מס קבלה", "receipt", "קבלה");

    private Optional<Draft> taskAssigned(EventEnvelope event, List<UUID> recipients) {
        TaskEvent type = TaskEvent.of(event).orElseThrow();
        TaskEvent.Payload task = event.payload(type);
        UUID taskId = uuid(task.taskId());
        if (taskId == null) {
            throw new PoisonEventException("Task event " + event.id() + " has no task id");
        }
        UUID assignee = uuid(task.assigneeId());
        var before = readModels.replaceAssignee(event.tenantId(), taskId, assignee, event.occurredAt());
        // An update of a task this service never saw (created before it listened) is not news:
        // only a change from a known assignee is a reassignment.
        boolean newlyAssigned = assignee != null
                && (type == TaskEvent.CREATED
                        || (type == TaskEvent.UPDATED && before.known() && !assignee.equals(before.assigneeId())));
        if (!newlyAssigned || "done".equals(task.status()) || "completed".equals(task.status())) {
            return Optional.empty();
        }
        recipients.add(assignee);
        return Optional.of(new Draft(
                NotificationKind.TASK_ASSIGNED,
                "משימה חדשה שויכה אליך",
                join(text(task.title()), text(task.customerName())),
                "/tasks/" + taskId,
                "high".equals(task.priority()) || "urgent".equals(task.priority()) ? Priority.HIGH : Priority.NORMAL,
                event.customerId(),
                text(task.customerName()),
                text(task.customerPhone()),
                taskId));
    }

    /** Adds the customer's owner, else the tenant's owners, to the recipients; returns the customer. */
    private Optional<ReadModelRepository.Customer> ownerOf(EventEnvelope event, List<UUID> recipients) {
        Optional<ReadModelRepository.Customer> customer = customerOf(event);
        UUID owner = customer.map(ReadModelRepository.Customer::ownerId).orElse(null);
        if (owner != null && readModels.isActiveUser(event.tenantId(), owner)) {
            recipients.add(owner);
        } else if (owner != null && readModels.activeOwners(event.tenantId()).isEmpty()) {
            recipients.add(owner); // the users' topic has not reached us yet: the owner field is all we have
        } else {
            recipients.addAll(readModels.activeOwners(event.tenantId()));
        }
        return customer;
    }

    private Optional<ReadModelRepository.Customer> customerOf(EventEnvelope event) {
        return event.customerId() == null
                ? Optional.empty()
                : readModels.customer(event.tenantId(), event.customerId());
    }

    private static UUID uuid(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(String value) {
        return value != null && !value.isBlank() ? value.strip() : null;
    }

    private static String snippet(String value) {
        if (value == null) {
            return null;
        }
        return value.length() <= SNIPPET
                ? value
                : value.substring(0, SNIPPET - 1).strip() + "…";
    }

    private static String join(String first, String second) {
        if (first == null) {
            return second;
        }
        return second == null ? first : first + " · " + second;
    }
}
