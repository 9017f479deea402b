package dev.agentlocator.notification;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a notification is about: the unit of a user's preferences (bell, Web Push) and the
 * {@code type} the client sees. The wire names use a colon like {@code task:due}, so they are never
 * mistaken for event types (ADR 0020, ADR 0028).
 */
public enum NotificationKind {
    LEAD_NEW("lead:new", "ליד חדש", true),
    CALL_MISSED("call:missed", "שיחה שלא נענתה", true),
    WHATSAPP_RECEIVED("whatsapp:received", "הודעת WhatsApp נכנסת", true),
    QUOTE_VIEWED("quote:viewed", "הצעת מחיר נצפתה", false),
    QUOTE_SIGNED("quote:signed", "הצעת מחיר נחתמה", true),
    QUOTE_DECLINED("quote:declined", "הצעת מחיר נדחתה", true),
    INVOICE_PAID("invoice:paid", "חשבונית שולמה", false),
    ALLOCATION_REJECTED("allocation:rejected", "מספר הקצאה נדחה", true),
    ALLOCATION_OVERDUE("allocation:overdue", "חשבונית ממתינה למספר הקצאה", true),
    TASK_ASSIGNED("task:assigned", "משימה שויכה אליך", true),
    TASK_DUE(TaskDueAlert.MESSAGE_TYPE, "הגיע מועד משימה", true);

    private final String wire;
    private final String label;
    private final boolean pushByDefault;

    NotificationKind(String wire, String label, boolean pushByDefault) {
        this.wire = wire;
        this.label = label;
        this.pushByDefault = pushByDefault;
    }

    public String wire() {
        return wire;
    }

    /** The Hebrew name on the preferences screen. */
    public String label() {
        return label;
    }

    /** Without a preference of the user's: every kind reaches the bell, these also push. */
    public boolean pushByDefault() {
        return pushByDefault;
    }

    public static Optional<NotificationKind> ofWire(String wire) {
        return Arrays.stream(values()).filter(k -> k.wire.equals(wire)).findFirst();
    }
}
