package dev.agentlocator.platform.events;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Between a payload record and the JSON object in the envelope. Writing leaves out {@code null}
 * components (absent means none, ADR 0005); reading is lenient the way every consumer was before
 * the records: unknown fields are ignored, and a field that is missing or cannot be read as its
 * component's type becomes {@code null}, so one odd field never makes the whole event unreadable.
 * Each consumer decides which fields it cannot do without.
 *
 * <p>Components are of the JSON types only: {@code String}, {@code Long}, {@code Integer}, {@code
 * Boolean} and {@code Map<String, V>} of those or of {@code Object}. Ids and times are strings, as
 * on the wire.
 */
final class Payloads {

    static Map<String, Object> write(Record payload) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (RecordComponent component : payload.getClass().getRecordComponents()) {
            Object value = get(component, payload);
            if (value != null) {
                values.put(component.getName(), value);
            }
        }
        return values;
    }

    static <P extends Record> P read(Map<String, Object> values, Class<P> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] arguments = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            arguments[i] = convert(values.get(components[i].getName()), components[i].getGenericType());
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("Unreadable " + type.getSimpleName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Payload " + type.getName() + " cannot be built", e);
        }
    }

    private static Object convert(Object value, Type type) {
        if (value == null) {
            return null;
        }
        if (type == String.class) {
            return value instanceof String || value instanceof Number || value instanceof Boolean
                    ? value.toString()
                    : null;
        }
        if (type == Long.class) {
            return number(value);
        }
        if (type == Integer.class) {
            Long n = number(value);
            return n != null && n == n.intValue() ? n.intValue() : null;
        }
        if (type == Boolean.class) {
            if (value instanceof Boolean b) {
                return b;
            }
            return value instanceof String s
                            && (s.strip().equals("true") || s.strip().equals("false"))
                    ? Boolean.valueOf(s.strip())
                    : null;
        }
        if (type == Object.class) {
            return value;
        }
        if (type instanceof ParameterizedType map && map.getRawType() == Map.class) {
            if (!(value instanceof Map<?, ?> entries)) {
                return null;
            }
            Type valueType = map.getActualTypeArguments()[1];
            Map<String, Object> converted = new LinkedHashMap<>();
            entries.forEach((k, v) -> {
                Object c = convert(v, valueType);
                if (k != null && c != null) {
                    converted.put(k.toString(), c);
                }
            });
            return converted;
        }
        throw new IllegalStateException("Payload component of type " + type + " is not a JSON type");
    }

    private static Long number(Object value) {
        if (value instanceof Long n) {
            return n;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Object get(RecordComponent component, Record payload) {
        try {
            return component.getAccessor().invoke(payload);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + component, e);
        }
    }

    private Payloads() {}
}
