package dev.agentlocator.telephony.calls;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the receptionist learned in one call, merged over its turns (ADR 0027): each turn's model
 * answer restates the whole lead, so a later value wins, and each field remembers the turn (1-based,
 * in the order of the call's turns) that gave its current value. A promise of a call-back, once
 * made, stays.
 *
 * @param values name, intent, area, rooms, budget (shekels), timing, summary, callbackPromised
 * @param sources the turn of each value
 */
public record CallLead(Map<String, Object> values, Map<String, Integer> sources) {

    static final CallLead EMPTY = new CallLead(Map.of(), Map.of());

    /** The lead of {@code turns}, oldest first; turns without details add nothing. */
    static CallLead of(List<CallDetail.Turn> turns) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Integer> sources = new LinkedHashMap<>();
        for (int i = 0; i < turns.size(); i++) {
            Map<String, Object> details = turns.get(i).details();
            if (details == null) {
                continue;
            }
            for (var entry : details.entrySet()) {
                String field = entry.getKey();
                Object value = entry.getValue();
                if (value == null || (field.equals("callbackPromised") && !Boolean.TRUE.equals(value))) {
                    continue;
                }
                if (!same(values.get(field), value)) {
                    values.put(field, value);
                    sources.put(field, i + 1);
                }
            }
        }
        return new CallLead(Map.copyOf(values), Map.copyOf(sources));
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    String text(String field) {
        Object value = values.get(field);
        return value == null ? null : value.toString();
    }

    /** Rooms as text without a trailing {@code .0} ("3", "3.5"). */
    String rooms() {
        Object value = values.get("rooms");
        if (!(value instanceof Number n)) {
            return null;
        }
        return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    }

    Long budgetAgorot() {
        return values.get("budget") instanceof Number n ? n.longValue() * 100 : null;
    }

    boolean callbackPromised() {
        return Boolean.TRUE.equals(values.get("callbackPromised"));
    }

    /** JSON numbers come back as Integer, Long or Double: compare numbers by value. */
    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        return Objects.equals(a, b);
    }
}
