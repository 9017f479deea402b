package dev.agentlocator.notification.rules;

import dev.agentlocator.platform.events.CallEvent;
import dev.agentlocator.platform.events.ContractEvent;
import dev.agentlocator.platform.events.CustomerEvent;
import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.InvoiceEvent;
import dev.agentlocator.platform.events.TaskEvent;
import dev.agentlocator.platform.events.WhatsAppEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "changed" hints an event sends to the tenant's open tabs so the screens showing it refetch
 * instead of polling (ADR 0028). A hint names what changed, never the content: the screen asks its
 * own service, with the user's own rights.
 */
final class ChangeHints {

    static final String TIMELINE = "timeline:changed";
    static final String WHATSAPP = "whatsapp:changed";
    static final String CALLS = "calls:changed";

    static List<Map<String, Object>> of(EventEnvelope event) {
        List<Map<String, Object>> hints = new ArrayList<>();
        boolean customerScoped = CustomerEvent.of(event).isPresent()
                || CallEvent.of(event).isPresent()
                || WhatsAppEvent.of(event).isPresent()
                || TaskEvent.of(event).isPresent()
                || ContractEvent.of(event).isPresent()
                || InvoiceEvent.of(event).isPresent();
        if (customerScoped && event.customerId() != null) {
            hints.add(hint(TIMELINE, event));
        }
        if (WhatsAppEvent.of(event).isPresent()) {
            hints.add(hint(WHATSAPP, event));
        }
        if (CallEvent.of(event).isPresent()) {
            hints.add(hint(CALLS, event));
        }
        return hints;
    }

    private static Map<String, Object> hint(String type, EventEnvelope event) {
        Map<String, Object> hint = new LinkedHashMap<>();
        hint.put("type", type);
        hint.put(
                "customerId",
                event.customerId() == null ? null : event.customerId().toString());
        return hint;
    }

    private ChangeHints() {}
}
