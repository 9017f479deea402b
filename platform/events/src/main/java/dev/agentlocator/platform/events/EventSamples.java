package dev.agentlocator.platform.events;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One realistic event of every type, every field filled. The contract tests of each consuming
 * service read these back with their own readers, so a producer's change that a consumer cannot
 * read fails in the consumer's build (docs/adr/0020-typed-event-contracts.md).
 */
public final class EventSamples {

    public static final UUID TENANT = UUID.fromString("3f1d2c4b-5a69-4e7f-8a9b-0c1d2e3f4a5b");
    public static final UUID CUSTOMER = UUID.fromString("0b6f0e4e-8d5a-4c1e-9a57-2f1b0c9d7e11");
    public static final UUID USER = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    public static final OffsetDateTime OCCURRED_AT = OffsetDateTime.parse("2026-03-10T10:15:30+02:00");

    /** A sample of every type in {@link EventTypes#ALL}, in that order. */
    public static List<EventEnvelope> all() {
        return EventTypes.ALL.stream().map(EventSamples::of).toList();
    }

    /** The sample of {@code type}. */
    public static EventEnvelope of(EventType<?> type) {
        return envelope(type);
    }

    private static <P extends Record> EventEnvelope envelope(EventType<P> type) {
        boolean aboutACustomer = !(type instanceof UserEvent) && !(type instanceof TenantEvent);
        return EventEnvelope.of(
                type,
                TENANT,
                aboutACustomer ? CUSTOMER : null,
                OCCURRED_AT,
                "sample-" + type.type(),
                type.payloadClass().cast(payload(type)));
    }

    private static Record payload(EventType<?> type) {
        if (type instanceof CustomerEvent) {
            boolean updated = type == CustomerEvent.UPDATED;
            return new CustomerEvent.Payload(
                    "דנה כהן",
                    "+972501234567",
                    "lead",
                    "call",
                    "dana@example.co.il",
                    "514000000",
                    USER.toString(),
                    updated ? Map.of("name", "דנה כהן", "budgetAgorot", "250000000") : null,
                    updated ? "4d2c6a8e-1f3b-4c5d-9e7f-0a1b2c3d4e5f" : null);
        }
        if (type instanceof CallEvent t) {
            boolean done = t == CallEvent.COMPLETED;
            return new CallEvent.Payload(
                    "4d2c6a8e-1f3b-4c5d-9e7f-0a1b2c3d4e5f",
                    "CA0123456789abcdef0123456789abcdef",
                    "inbound",
                    "+972501234567",
                    "+97231234567",
                    done ? "completed" : "in-progress",
                    done ? 42 : null,
                    done ? "ai" : null,
                    done ? "lead_captured" : null,
                    done ? "שלום, אני מתעניינת בדירה" : null,
                    done ? Map.of("area", "תל אביב") : null,
                    null,
                    null);
        }
        if (type instanceof CallLeadEvent) {
            Map<String, Integer> sources = new LinkedHashMap<>();
            sources.put("name", 1);
            sources.put("intent", 1);
            sources.put("area", 2);
            sources.put("rooms", 2);
            sources.put("budgetAgorot", 2);
            sources.put("timing", 3);
            sources.put("callbackPromised", 3);
            return new CallLeadEvent.Payload(
                    "4d2c6a8e-1f3b-4c5d-9e7f-0a1b2c3d4e5f",
                    "CA0123456789abcdef0123456789abcdef",
                    "+972501234567",
                    "דנה כהן",
                    "buy",
                    "תל אביב",
                    "3.5",
                    250_000_000L,
                    "תוך שלושה חודשים",
                    "דנה מחפשת דירת 3.5 חדרים לקנייה בתל אביב בתקציב של כ־2.5 מיליון ש״ח, "
                            + "ומבקשת שנציג יחזור אליה.",
                    true,
                    sources,
                    true,
                    3);
        }
        if (type instanceof WhatsAppEvent t) {
            return new WhatsAppEvent.Payload(
                    "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
                    "SM0123456789abcdef0123456789abcdef",
                    t == WhatsAppEvent.RECEIVED ? "inbound" : "outbound",
                    t == WhatsAppEvent.STATUS_CHANGED ? "delivered" : "sent",
                    "שלום, הדירה עדיין פנויה?",
                    "+972501234567",
                    1,
                    null,
                    null,
                    null,
                    null,
                    null,
                    "3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a0f9",
                    null,
                    "דנה כהן");
        }
        if (type instanceof TaskEvent t) {
            return new TaskEvent.Payload(
                    "5b4a3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d",
                    "להתקשר בחזרה לדנה",
                    t == TaskEvent.COMPLETED ? "done" : "open",
                    USER.toString(),
                    "call",
                    "high",
                    "2026-03-10T12:00:00+02:00",
                    "דנה כהן",
                    "+972501234567",
                    t == TaskEvent.SNOOZED ? 15 : null);
        }
        if (type instanceof ContractEvent t) {
            return new ContractEvent.Payload(
                    "6c5b4a3d-2e1f-4b0a-9c8d-7e6f5a4b3c2d",
                    "הסכם תיווך",
                    t.name().toLowerCase(java.util.Locale.ROOT),
                    1_170_000L,
                    "ILS",
                    "דנה כהן",
                    t == ContractEvent.UPDATED ? true : null,
                    t == ContractEvent.SIGNED ? "8e7d6c5b-4a3f-4e2d-9c1b-0a9f8e7d6c5b" : null);
        }
        if (type instanceof InvoiceEvent t) {
            boolean draft = t == InvoiceEvent.CREATED || t == InvoiceEvent.UPDATED || t == InvoiceEvent.DELETED;
            boolean credited = t == InvoiceEvent.CREDITED;
            boolean receipt = t == InvoiceEvent.RECEIPT_ISSUED;
            boolean paid = t == InvoiceEvent.PAID;
            boolean allocationProblem = t == InvoiceEvent.ALLOCATION_REJECTED || t == InvoiceEvent.ALLOCATION_OVERDUE;
            if (receipt) {
                Map<String, Long> settlements = new LinkedHashMap<>();
                settlements.put("8e7d6c5b-4a3f-4e2d-9c1b-0a9f8e7d6c5b", 1_170_000L);
                Map<String, Long> payments = new LinkedHashMap<>();
                payments.put("cheque", 1_000_000L);
                payments.put("cash", 170_000L);
                return new InvoiceEvent.Payload(
                        "2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d",
                        77L,
                        "receipt",
                        "issued",
                        1_170_000L,
                        0L,
                        1_170_000L,
                        "ILS",
                        "דנה כהן",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        settlements,
                        payments,
                        null);
            }
            return new InvoiceEvent.Payload(
                    "8e7d6c5b-4a3f-4e2d-9c1b-0a9f8e7d6c5b",
                    draft ? null : 1024L,
                    "tax_invoice",
                    draft ? "draft" : paid ? "paid" : allocationProblem ? "awaiting_allocation" : "issued",
                    1_000_000L,
                    170_000L,
                    1_170_000L,
                    "ILS",
                    "דנה כהן",
                    null,
                    draft || allocationProblem ? null : "123456789",
                    credited ? "1f2e3d4c-5b6a-4978-8a6b-5c4d3e2f1a0b" : null,
                    credited ? 1025L : null,
                    paid ? "2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d" : null,
                    paid ? 77L : null,
                    null,
                    null,
                    allocationProblem ? "מספר העוסק של הלקוח אינו רשום במאגר רשות המסים" : null);
        }
        if (type instanceof UserEvent) {
            return new UserEvent.Payload(USER.toString(), "יוסי לוי", "agent", true);
        }
        if (type instanceof TenantEvent) {
            Map<String, Boolean> features = new LinkedHashMap<>();
            features.put("crm", true);
            features.put("whatsapp", false);
            return new TenantEvent.Payload(features);
        }
        throw new IllegalStateException("No sample of " + type);
    }

    private EventSamples() {}
}
