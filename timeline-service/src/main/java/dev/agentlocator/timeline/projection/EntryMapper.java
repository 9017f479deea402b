package dev.agentlocator.timeline.projection;

import static dev.agentlocator.timeline.projection.TimelineEvents.*;

import dev.agentlocator.platform.events.EventEnvelope;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
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
        return TimelineEvents.kindOf(event.type()).map(kind -> entry(event, kind));
    }

    private static TimelineEntry entry(EventEnvelope event, TimelineKind kind) {
        var p = new Payload(event.payload());
        String customer = event.customerId().toString();
        Details d = new Details();
        String title;
        String reference;
        String link;
        switch (kind) {
            case CUSTOMER -> {
                d.put("name", p.text("name"))
                        .put("phone", p.text("phone"))
                        .put("email", p.text("email"))
                        .put("status", p.text("status"))
                        .put("source", p.text("source"));
                title = customerTitle(event.type(), p);
                reference = customer;
                link = "/customers/" + customer;
            }
            case CALL -> {
                String sid = p.text("callSid");
                // a sandbox call never reached Twilio and has no sid; our own id still opens it
                String id = sid != null ? sid : p.text("callId");
                d.put("callSid", sid)
                        .put("callId", p.text("callId"))
                        .put("sandbox", p.flag("sandbox") ? true : null)
                        .put("direction", p.text("direction"))
                        .put("status", p.text("status"))
                        .put("durationSeconds", p.number("durationSeconds"))
                        .put("answeredBy", p.text("answeredBy"))
                        .put("from", p.text("from"))
                        .put("to", p.text("to"))
                        .put("transcript", clip(p.text("transcript")));
                title = sandboxed(callTitle(event.type(), p), p);
                reference = id;
                link = "/customers/" + customer + "?tab=calls" + (id == null ? "" : "&call=" + encode(id));
            }
            case WHATSAPP -> {
                String sid = p.text("messageSid");
                String id = sid != null ? sid : p.text("messageId");
                d.put("messageSid", sid)
                        .put("messageId", p.text("messageId"))
                        .put("sandbox", p.flag("sandbox") ? true : null)
                        .put("direction", p.text("direction"))
                        .put("status", p.text("status"))
                        .put("text", clip(p.text("text")));
                title = sandboxed(whatsappTitle(event.type(), p), p);
                reference = id;
                link = "/customers/" + customer + "?tab=whatsapp" + (id == null ? "" : "&message=" + encode(id));
            }
            case TASK -> {
                String id = p.text("taskId");
                d.put("taskId", id)
                        .put("title", p.text("title"))
                        .put("dueAt", p.text("dueAt"))
                        .put("status", p.text("status"))
                        .put("assigneeId", p.text("assigneeId"));
                title = taskTitle(event.type(), p.text("title"));
                reference = id;
                link = id == null ? null : "/tasks/" + encode(id);
            }
            case CONTRACT, SIGNATURE -> {
                String id = p.text("contractId");
                Long total = p.number("totalAgorot");
                d.put("contractId", id)
                        .put("title", p.text("title"))
                        .put("status", p.text("status"))
                        .put("amountAgorot", total)
                        .put("currency", total == null ? null : "ILS");
                title = contractTitle(event.type(), p.text("title"));
                reference = id;
                link = id == null ? null : "/contracts/" + encode(id);
            }
            case INVOICE -> {
                String id = p.text("invoiceId");
                Long total = p.number("totalAgorot");
                d.put("invoiceId", id)
                        .put("number", p.text("number"))
                        .put("type", p.text("type"))
                        .put("status", p.text("status"))
                        .put("amountAgorot", total)
                        .put("vatAgorot", p.number("vatAgorot"))
                        .put("currency", total == null ? null : "ILS");
                title = invoiceTitle(event.type(), p);
                reference = id;
                link = id == null ? null : "/invoices/" + encode(id);
            }
            default -> throw new IllegalStateException("No mapping for kind " + kind);
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

    static String customerTitle(String type, Payload p) {
        return switch (type) {
            case CUSTOMER_CREATED -> withSubject("לקוח חדש נוסף", p.text("name"));
            case CUSTOMER_UPDATED -> "פרטי הלקוח עודכנו";
            case CUSTOMER_DELETED -> "הלקוח נמחק";
            default -> "עדכון בכרטיס הלקוח";
        };
    }

    static String callTitle(String type, Payload p) {
        boolean outbound = isOutbound(p.text("direction"));
        return switch (type) {
            case CALL_RECEIVED -> outbound ? "שיחה יוצאת החלה" : "שיחה נכנסת התקבלה";
            case CALL_COMPLETED -> {
                if (outbound) {
                    yield "completed".equals(p.text("status")) ? "שיחה יוצאת הסתיימה" : "שיחה יוצאת לא נענתה";
                }
                String answeredBy = p.text("answeredBy");
                if ("ai".equals(answeredBy)) {
                    yield "שיחה נכנסת נענתה ע״י המזכירה";
                }
                yield "agent".equals(answeredBy) ? "שיחה נכנסת נענתה ע״י נציג" : "שיחה נכנסת שלא נענתה";
            }
            default -> "סטטוס השיחה: " + callStatus(p.text("status"));
        };
    }

    static String whatsappTitle(String type, Payload p) {
        return switch (type) {
            case WHATSAPP_SENT -> "הודעת WhatsApp נשלחה";
            case WHATSAPP_RECEIVED -> "התקבלה הודעת WhatsApp";
            default ->
                switch (String.valueOf(p.text("status"))) {
                    case "queued", "accepted" -> "הודעת WhatsApp ממתינה לשליחה";
                    case "sent" -> "הודעת WhatsApp נשלחה";
                    case "delivered" -> "הודעת WhatsApp נמסרה";
                    case "read" -> "הודעת WhatsApp נקראה";
                    case "failed", "undelivered" -> "שליחת הודעת WhatsApp נכשלה";
                    default -> "סטטוס הודעת WhatsApp עודכן";
                };
        };
    }

    static String taskTitle(String type, String taskTitle) {
        String what = switch (type) {
            case TASK_CREATED -> "משימה נוצרה";
            case TASK_SNOOZED -> "מועד המשימה נדחה";
            case TASK_COMPLETED -> "משימה בוצעה";
            case TASK_DUE -> "הגיע מועד המשימה";
            default -> "משימה עודכנה";
        };
        return withSubject(what, taskTitle);
    }

    static String contractTitle(String type, String documentTitle) {
        return switch (type) {
            case CONTRACT_CREATED -> withSubject("חוזה נוצר", documentTitle);
            case CONTRACT_SENT -> "החוזה נשלח לחתימה";
            case CONTRACT_VIEWED -> "הלקוח צפה בחוזה";
            case CONTRACT_SIGNED -> "החוזה נחתם";
            case CONTRACT_DECLINED -> "הלקוח סירב לחתום על החוזה";
            case CONTRACT_EXPIRED -> "תוקף החוזה פג";
            default -> "החוזה עודכן";
        };
    }

    /** Says so when nothing was really sent: the sandbox must never pass for a real call or message. */
    static String sandboxed(String title, Payload p) {
        return p.flag("sandbox") ? title + " (סביבת ניסוי)" : title;
    }

    static String invoiceTitle(String type, Payload p) {
        String document = invoiceType(p.text("type"));
        String number = p.text("number");
        String named = number == null ? document : document + " " + number;
        return switch (type) {
            case INVOICE_CREATED -> "טיוטת " + document + " נוצרה";
            case INVOICE_ISSUED -> named + " הונפקה";
            case INVOICE_PAID -> named + " שולמה";
            case INVOICE_CREDITED -> named + " זוכתה";
            case INVOICE_CANCELLED -> named + " בוטלה";
            // only drafts are edited or deleted; an issued invoice is cancelled by a credit note
            case INVOICE_UPDATED -> "טיוטת " + document + " עודכנה";
            case INVOICE_DELETED -> "טיוטת " + document + " נמחקה";
            default -> named + " עודכנה";
        };
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
