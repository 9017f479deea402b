package dev.agentlocator.tasks.callbacks;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** All SQL on {@code tenant_settings}; hours are stored as {@code {"SUNDAY":{"open":"09:00","close":"18:00"}}}. */
@Repository
class SettingsRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SettingsRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<CallbackSettings> find(UUID tenantId) {
        return jdbc.sql(
                        "select response_minutes, on_duty_user_id, business_hours from tenant_settings where tenant_id = ?")
                .param(tenantId)
                .query((rs, i) -> new CallbackSettings(
                        rs.getInt("response_minutes"),
                        rs.getObject("on_duty_user_id", UUID.class),
                        hours(rs.getString("business_hours"))))
                .optional();
    }

    void save(UUID tenantId, CallbackSettings settings) {
        jdbc.sql("""
                        insert into tenant_settings (tenant_id, response_minutes, on_duty_user_id, business_hours)
                        values (:tenant, :minutes, :onDuty, cast(:hours as jsonb))
                        on conflict (tenant_id) do update
                            set response_minutes = excluded.response_minutes,
                                on_duty_user_id = excluded.on_duty_user_id,
                                business_hours = excluded.business_hours, updated_at = now()
                        """)
                .param("tenant", tenantId)
                .param("minutes", settings.responseMinutes())
                .param("onDuty", settings.onDutyUserId())
                .param("hours", json.writeValueAsString(write(settings.hours())))
                .update();
    }

    private static Map<String, Map<String, String>> write(BusinessHours hours) {
        Map<String, Map<String, String>> days = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            var span = hours.days().get(day);
            if (span != null) {
                days.put(
                        day.name(),
                        Map.of(
                                "open",
                                span.open().toString(),
                                "close",
                                span.close().toString()));
            }
        }
        return days;
    }

    private BusinessHours hours(String text) {
        Map<String, Map<String, String>> days =
                json.readValue(text, new TypeReference<LinkedHashMap<String, Map<String, String>>>() {});
        Map<DayOfWeek, BusinessHours.Span> spans = new EnumMap<>(DayOfWeek.class);
        days.forEach((day, span) -> spans.put(
                DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)),
                new BusinessHours.Span(LocalTime.parse(span.get("open")), LocalTime.parse(span.get("close")))));
        return new BusinessHours(spans);
    }
}
