package dev.agentlocator.timeline.projection;

import dev.agentlocator.platform.events.CallEvent;
import dev.agentlocator.platform.events.CallLeadEvent;
import dev.agentlocator.platform.events.ContractEvent;
import dev.agentlocator.platform.events.CustomerEvent;
import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.EventType;
import dev.agentlocator.platform.events.InvoiceEvent;
import dev.agentlocator.platform.events.TaskEvent;
import dev.agentlocator.platform.events.WhatsAppEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one event into its timeline entry: kind, Hebrew title, a compact details object and the
 * SPA link of its source. Pure, so every title is unit-tested without Kafka or a database.
 */
public final class EntryMapper {

    /** Free text (transcripts, messages) is cut here; the full text lives in its own service. */
    static final int MAX_TEXT = 280;

    /**
     * @return the entry, or empty when the event is not for the timeline (unknown type, or no
     *     customer)
     */
    public static Optional<TimelineEntry> map(EventEnvelope event) {
        if (event.customerId() == null) {
            return Optional.empty();
        }
        return TimelineEvents.typeOf(event)
                .filter(type -> !isInterimLead(event, type))
                .map(type -> entry(event, type));
    }

    /**
     * A lead sent after a turn is on its way to the customer (crm's "details updated" entry says
     * what it filled); only the one sent at the end of the call, the call's summary, is an entry.
     */
    private static boolean isInterimLead(EventEnvelope event, EventType<?> type) {
        return type instanceof CallLeadEvent t
                && !Boolean.TRUE.equals(event.payload(t).callEnded());
    }

    private static TimelineEntry entry(EventEnvelope event, EventType<?> type) {
        TimelineKind kind = TimelineEvents.kindOf(type).orElseThrow();
        String customer = event.customerId().toString();
        Details d = new Details();
        String title;
        String reference;
        String link;
        if (type instanceof CustomerEvent t) {
            var p = event.payload(t);
            d.put("name", text(p.name()))
                    .put("phone", text(p.phone()))
                    .put("email", text(p.email()))
                    .put("status", text(p.status()))
                    .put("source", text(p.source()));
            if (p.filledFromCall() != null && !p.filledFromCall().isEmpty()) {
                d.put("filledFromCall", p.filledFromCall()).put("callId", text(p.filledByCall()));
            }
            title = customerTitle(t, p);
            reference = customer;
            link = "/customers/" + customer;
        } else if (type instanceof CallEvent t) {
            var p = event.payload(t);
            String sid = text(p.callSid());
            // a sandbox call never reached Twilio and has no sid; our own id still opens it
            String id = sid != null ? sid : text(p.callId());
            d.put("callSid", sid)
                    .put("callId", text(p.callId()))
                    .put("sandbox", Boolean.TRUE.equals(p.sandbox()) ? true : null)
                    .put("direction", text(p.direction()))
                    .put("status", text(p.status()))
                    .put(
                            "durationSeconds",
                            p.durationSeconds() == null
                                    ? null
                                    : p.durationSeconds().longValue())
                    .put("answeredBy", text(p.answeredBy()))
                    .put("from", text(p.from()))
                    .put("to", text(p.to()))
                    .put("transcript", clip(text(p.transcript())));
            title = sandboxed(callTitle(t, p), p.sandbox());
            reference = id;
            link = "/customers/" + customer + "?tab=calls" + (id == null ? "" : "&call=" + encode(id));
        } else if (type instanceof CallLeadEvent t) {
            var p = event.payload(t);
            String sid = text(p.callSid());
            String id = sid != null ? sid : text(p.callId());
            d.put("callSid", sid)
                    .put("callId", text(p.callId()))
                    .put("name", text(p.name()))
                    .put("intent", text(p.intent()))
                    .put("area", text(p.area()))
                    .put("rooms", text(p.rooms()))
                    .put("budgetAgorot", p.budgetAgorot())
                    .put("timing", text(p.timing()))
                    .put("summary", clip(text(p.summary())))
                    .put("callbackPromised", Boolean.TRUE.equals(p.callbackPromised()) ? true : null);
            title = Boolean.TRUE.equals(p.callbackPromised()) ? "סיכום השיחה: הובטחה חזרה של נציג" : "סיכום השיחה";
            reference = id;
            link = "/customers/" + customer + "?tab=calls" + (id == null ? "" : "&call=" + encode(id));
        } else if (type instanceof WhatsAppEvent t) {
            var p = event.payload(t);
            String sid = text(p.messageSid());
            String id = sid != null ? sid : text(p.messageId());
            d.put("messageSid", sid)
                    .put("messageId", text(p.messageId()))
                    .put("sandbox", Boolean.TRUE.equals(p.sandbox()) ? true : null)
                    .put("direction", text(p.direction()))
                    .put("status", text(p.status()))
                    .put("text", clip(text(p.text())))
                    .put("errorCode", text(p.errorCode()))
                    .put("error", text(p.errorMessage()))
                    .put("template", text(p.contentSid()))
                    .put("optOut", text(p.optOut()));
            title = sandboxed(whatsappTitle(t, p), p.sandbox());
            reference = id;
            link = "/customers/" + customer + "?tab=whatsapp" + (id == null ? "" : "&message=" + encode(id));
        } else if (type instanceof TaskEvent t) {
            var p = event.payload(t);
            String id = text(p.taskId());
            d.put("taskId", id)
                    .put("title", text(p.title()))
                    .put("dueAt", text(p.dueAt()))
                    .put("status", text(p.status()))
                    .put("assigneeId", text(p.assigneeId()));
            title = taskTitle(t, text(p.title()));
            reference = id;
            link = id == null ? null : "/tasks/" + encode(id);
        } else if (type instanceof ContractEvent t) {
            var p = event.payload(t);
            String id = text(p.contractId());
            d.put("contractId", id)
                    .put("title", text(p.title()))
                    .put("status", text(p.status()))
                    .put("amountAgorot", p.totalAgorot())
                    .put("currency", p.totalAgorot() == null ? null : "ILS")
                    .put("signingLinkWithdrawn", Boolean.TRUE.equals(p.signingLinkWithdrawn()) ? true : null)
                    .put("invoiceId", text(p.invoiceId()));
            title = contractTitle(t, p);
            reference = id;
            link = id == null ? null : "/contracts/" + encode(id);
        } else if (type instanceof InvoiceEvent t) {
            var p = event.payload(t);
            String id = text(p.invoiceId());
            d.put("invoiceId", id)
                    .put("number", p.number() == null ? null : p.number().toString())
                    .put("type", text(p.type()))
                    .put("status", text(p.status()))
                    .put("amountAgorot", p.totalAgorot())
                    .put("vatAgorot", p.vatAgorot())
                    .put("currency", p.totalAgorot() == null ? null : "ILS")
                    .put("receiptId", text(p.receiptId()))
                    .put(
                            "receiptNumber",
                            p.receiptNumber() == null ? null : p.receiptNumber().toString());
            title = invoiceTitle(t, p);
            reference = id;
            link = id == null ? null : "/invoices/" + encode(id);
        } else {
            throw new IllegalStateException("No mapping for " + type);
        }
        return new TimelineEntry(
                event.id(),
                event.tenantId(),
                event.customerId(),
                kind,
                event.type(),
                // PostgreSQL keeps microseconds; truncating here keeps cursors exact.
                event.occurredAt().toInstant().truncatedTo(ChronoUnit.MICROS),
                title,
                d.values,
                reference,
                link);
    }

    static String customerTitle(CustomerEvent type, CustomerEvent.Payload p) {
        return switch (type) {
            case CREATED -> withSubject("לקוח חדש נוסף", text(p.name()));
            case UPDATED ->
                p.filledFromCall() != null && !p.filledFromCall().isEmpty()
                        ? "פרטים עודכנו מהשיחה"
                        : "פרטי הלקוח עודכנו";
            case DELETED -> "הלקוח נמחק";
        };
    }

    static String callTitle(CallEvent type, CallEvent.Payload p) {
        boolean outbound = isOutbound(text(p.direction()));
        return switch (type) {
            case RECEIVED -> outbound ? "שיחה יוצאת החלה" : "שיחה נכנסת התקבלה";
            case COMPLETED -> {
                if (outbound) {
                    yield "completed".equals(text(p.status())) ? "שיחה יוצאת הסתיימה" : "שיחה יוצאת לא נענתה";
                }
                String answeredBy = text(p.answeredBy());
                if ("ai".equals(answeredBy)) {
                    yield "שיחה נכנסת נענתה ע״י המזכירה";
                }
                yield "agent".equals(answeredBy) ? "שיחה נכנסת נענתה ע״י נציג" : "שיחה נכנסת שלא נענתה";
            }
            case STATUS_CHANGED -> "סטטוס השיחה: " + callStatus(text(p.status()));
        };
    }

    static String whatsappTitle(WhatsAppEvent type, WhatsAppEvent.Payload p) {
        if (type == WhatsAppEvent.RECEIVED && "opted_out".equals(text(p.optOut()))) {
            return "הלקוח ביקש להפסיק לקבל הודעות WhatsApp";
        }
        if (type == WhatsAppEvent.RECEIVED && "opted_in".equals(text(p.optOut()))) {
            return "הלקוח ביקש לחזור לקבל הודעות WhatsApp";
        }
        String error = text(p.errorMessage());
        if (type == WhatsAppEvent.STATUS_CHANGED
                && error != null
                && List.of("failed", "undelivered").contains(String.valueOf(text(p.status())))) {
            return "שליחת הודעת WhatsApp נכשלה: " + error;
        }
        return switch (type) {
            case SENT -> text(p.contentSid()) != null ? "נשלחה תבנית WhatsApp" : "הודעת WhatsApp נשלחה";
            case RECEIVED -> "התקבלה הודעת WhatsApp";
            case STATUS_CHANGED ->
                switch (String.valueOf(text(p.status()))) {
                    case "queued", "accepted" -> "הודעת WhatsApp ממתינה לשליחה";
                    case "sent" -> "הודעת WhatsApp נשלחה";
                    case "delivered" -> "הודעת WhatsApp נמסרה";
                    case "read" -> "הודעת WhatsApp נקראה";
                    case "failed", "undelivered" -> "שליחת הודעת WhatsApp נכשלה";
                    default -> "סטטוס הודעת WhatsApp עודכן";
                };
        };
    }

    static String taskTitle(TaskEvent type, String taskTitle) {
        String what = switch (type) {
            case CREATED -> "משימה נוצרה";
            case SNOOZED -> "מועד המשימה נדחה";
            case COMPLETED -> "משימה בוצעה";
            case DUE -> "הגיע מועד המשימה";
            case UPDATED -> "משימה עודכנה";
        };
        return withSubject(what, taskTitle);
    }

    static String contractTitle(ContractEvent type, ContractEvent.Payload p) {
        String documentTitle = text(p.title());
        return switch (type) {
            case CREATED -> withSubject("חוזה נוצר", documentTitle);
            case SENT -> "החוזה נשלח לחתימה";
            case VIEWED -> "הלקוח צפה בחוזה";
            case SIGNED -> "החוזה נחתם";
            case DECLINED -> "הלקוח סירב לחתום על החוזה";
            case EXPIRED -> "תוקף החוזה פג";
            // after a withdrawn link the last word is no longer "sent for signature"
            case UPDATED ->
                Boolean.TRUE.equals(p.signingLinkWithdrawn())
                        ? "החוזה עודכן והקישור לחתימה בוטל"
                        : withSubject("החוזה עודכן", documentTitle);
        };
    }

    /** Says so when nothing was really sent: the sandbox must never pass for a real call or message. */
    static String sandboxed(String title, Boolean sandbox) {
        return Boolean.TRUE.equals(sandbox) ? title + " (סביבת ניסוי)" : title;
    }

    static String invoiceTitle(InvoiceEvent type, InvoiceEvent.Payload p) {
        String document = invoiceType(text(p.type()));
        String named = p.number() == null ? document : document + " " + p.number();
        return switch (type) {
            case CREATED -> "טיוטת " + document + " נוצרה";
            case ISSUED -> named + " הונפקה";
            case PAID ->
                p.receiptNumber() == null ? named + " שולמה" : named + " שולמה (קבלה " + p.receiptNumber() + ")";
            case CREDITED -> named + " זוכתה";
            case CANCELLED -> named + " בוטלה";
            // only drafts are edited or deleted; an issued invoice is cancelled by a credit note
            case UPDATED -> "טיוטת " + document + " עודכנה";
            case DELETED -> "טיוטת " + document + " נמחקה";
            case RECEIPT_ISSUED -> (p.number() == null ? "קבלה" : "קבלה " + p.number()) + " הונפקה";
            case ALLOCATION_REJECTED -> withReason("רשות המסים דחתה את בקשת מספר ההקצאה ל" + named, p);
            case ALLOCATION_OVERDUE -> withReason(named + " ממתינה למספר הקצאה זמן רב", p);
        };
    }

    private static String withReason(String title, InvoiceEvent.Payload p) {
        String reason = text(p.allocationMessage());
        return reason == null ? title : title + ": " + reason;
    }

    static String invoiceType(String type) {
        return switch (String.valueOf(type)) {
            case "tax_invoice" -> "חשבונית מס";
            case "tax_invoice_receipt" -> "חשבונית מס קבלה";
            case "receipt" -> "קבלה";
            case "credit_note" -> "חשבונית זיכוי";
            default -> "חשבונית";
        };
    }

    static String callStatus(String status) {
        return switch (String.valueOf(status)) {
            case "queued", "initiated" -> "בהמתנה";
            case "ringing" -> "מצלצלת";
            case "in-progress" -> "בשיחה";
            case "completed" -> "הסתיימה";
            case "busy" -> "תפוס";
            case "no-answer" -> "לא נענתה";
            case "failed" -> "נכשלה";
            case "canceled" -> "בוטלה";
            default -> "עודכן";
        };
    }

    /** Twilio says {@code outbound-api} or {@code outbound-dial}; ours says {@code outbound}. */
    public static boolean isOutbound(String direction) {
        return direction != null && direction.startsWith("outbound");
    }

    /** Producers are other teams' code: a blank field is as good as none. */
    public static String text(String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        return text.isEmpty() ? null : text;
    }

    private static String withSubject(String what, String subject) {
        return subject == null ? what : what + ": " + subject;
    }

    private static String clip(String text) {
        if (text == null || text.length() <= MAX_TEXT) {
            return text;
        }
        return text.substring(0, MAX_TEXT - 1) + "…";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Details without nulls: the SPA shows what is there. */
    private static final class Details {
        final Map<String, Object> values = new LinkedHashMap<>();

        Details put(String key, Object value) {
            if (value != null) {
                values.put(key, value);
            }
            return this;
        }
    }

    private EntryMapper() {}
}
