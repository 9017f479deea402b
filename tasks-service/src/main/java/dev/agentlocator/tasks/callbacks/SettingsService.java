package dev.agentlocator.tasks.callbacks;

import dev.agentlocator.platform.kit.errors.ApiException;
import dev.agentlocator.tasks.tasks.TasksProperties;
import dev.agentlocator.tasks.users.UserDirectory;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a tenant's call-back settings (the defaults until the owner saves some) and saves them. */
@Service
class SettingsService {

    private final SettingsRepository repository;
    private final UserDirectory users;
    private final TasksProperties properties;

    SettingsService(SettingsRepository repository, UserDirectory users, TasksProperties properties) {
        this.repository = repository;
        this.users = users;
        this.properties = properties;
    }

    @Transactional(readOnly = true)
    CallbackSettings of(UUID tenantId) {
        return repository.find(tenantId).orElseGet(CallbackSettings::defaults);
    }

    @Transactional(readOnly = true)
    SettingsController.SettingsView view(UUID tenantId) {
        return view(of(tenantId));
    }

    @Transactional
    SettingsController.SettingsView update(UUID tenantId, SettingsController.UpdateSettingsRequest request) {
        if (request.onDutyUserId() != null && !users.isActiveMember(tenantId, request.onDutyUserId())) {
            throw invalid("onDutyUserId", "הנציג התורן חייב להיות משתמש פעיל בחשבון");
        }
        Map<DayOfWeek, BusinessHours.Span> days = new EnumMap<>(DayOfWeek.class);
        request.businessHours().forEach((name, hours) -> {
            DayOfWeek day = day(name);
            if (hours == null) {
                return;
            }
            LocalTime open = LocalTime.parse(hours.open());
            LocalTime close = LocalTime.parse(hours.close());
            if (!close.isAfter(open)) {
                throw invalid("businessHours." + name, "שעת הסגירה חייבת להיות אחרי שעת הפתיחה");
            }
            days.put(day, new BusinessHours.Span(open, close));
        });
        var settings = new CallbackSettings(request.responseMinutes(), request.onDutyUserId(), new BusinessHours(days));
        repository.save(tenantId, settings);
        return view(settings);
    }

    private SettingsController.SettingsView view(CallbackSettings s) {
        Map<String, SettingsController.DayHours> hours = new LinkedHashMap<>();
        for (DayOfWeek day : new DayOfWeek[] {
            DayOfWeek.SUNDAY,
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY,
            DayOfWeek.SATURDAY
        }) {
            var span = s.hours().days().get(day);
            hours.put(
                    day.name().toLowerCase(Locale.ROOT),
                    span == null
                            ? null
                            : new SettingsController.DayHours(
                                    span.open().toString(), span.close().toString()));
        }
        return new SettingsController.SettingsView(
                s.responseMinutes(),
                s.onDutyUserId(),
                hours,
                properties.timeZone().getId());
    }

    private static DayOfWeek day(String name) {
        try {
            return DayOfWeek.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw invalid("businessHours", "יום לא מוכר: הימים הם sunday עד saturday");
        }
    }

    private static ApiException invalid(String field, String message) {
        return new ApiException(
                HttpStatus.BAD_REQUEST,
                "validation_failed",
                "חלק מהשדות אינם תקינים",
                Map.of("fields", Map.of(field, message)));
    }
}
