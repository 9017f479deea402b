package dev.agentlocator.notification.preferences;

import dev.agentlocator.notification.NotificationKind;
import dev.agentlocator.platform.kit.errors.ApiException;
import dev.agentlocator.platform.kit.security.CurrentUser;
import dev.agentlocator.platform.kit.security.Roles;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/notifications/preferences}: the caller's own, never anyone else's. */
@PreAuthorize(Roles.CAN_READ)
@RestController
@RequestMapping("/api/notifications/preferences")
class PreferencesController {

    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    record KindPreference(String kind, String label, Boolean bell, Boolean push) {}

    record Hours(String from, String to) {}

    record Settings(List<KindPreference> kinds, Hours quietHours) {}

    private final PreferenceRepository preferences;
    private final TransactionTemplate transactions;

    PreferencesController(PreferenceRepository preferences, TransactionTemplate transactions) {
        this.preferences = preferences;
        this.transactions = transactions;
    }

    @GetMapping
    Settings get(CurrentUser caller) {
        Map<String, PreferenceRepository.Row> saved = new HashMap<>();
        preferences.kinds(caller.tenantId(), caller.userId()).forEach(r -> saved.put(r.kind(), r));
        List<KindPreference> kinds = Arrays.stream(NotificationKind.values())
                .map(k -> {
                    var row = saved.get(k.wire());
                    return new KindPreference(
                            k.wire(),
                            k.label(),
                            row == null || row.bell(),
                            row == null ? k.pushByDefault() : row.push());
                })
                .toList();
        Hours hours = preferences
                .quietHours(caller.tenantId(), caller.userId())
                .map(q -> new Hours(q.from().format(HOURS), q.to().format(HOURS)))
                .orElse(null);
        return new Settings(kinds, hours);
    }

    /** Replaces the kinds it names (others keep theirs) and the quiet hours (null: none). */
    @PutMapping
    Settings put(@RequestBody Settings body, CurrentUser caller) {
        if (body == null || body.kinds() == null) {
            throw invalid("kinds", "יש לשלוח את רשימת סוגי ההתראות");
        }
        List<PreferenceRepository.Row> rows = new java.util.ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (KindPreference k : body.kinds()) {
            if (k == null
                    || k.kind() == null
                    || NotificationKind.ofWire(k.kind()).isEmpty()) {
                throw invalid("kind", "סוג התראה לא מוכר");
            }
            if (k.bell() == null || k.push() == null) {
                throw invalid("kind", "לכל סוג התראה יש לציין פעמון והתראת דחיפה");
            }
            if (!seen.add(k.kind())) {
                throw invalid("kind", "סוג התראה מופיע פעמיים");
            }
            rows.add(new PreferenceRepository.Row(k.kind(), k.bell(), k.push()));
        }
        QuietHours quiet = quietHours(body.quietHours());
        transactions.executeWithoutResult(status -> {
            rows.forEach(r -> preferences.save(caller.tenantId(), caller.userId(), r));
            preferences.saveQuietHours(caller.tenantId(), caller.userId(), quiet);
        });
        return get(caller);
    }

    private static QuietHours quietHours(Hours hours) {
        if (hours == null) {
            return null;
        }
        try {
            LocalTime from = LocalTime.parse(String.valueOf(hours.from()), HOURS);
            LocalTime to = LocalTime.parse(String.valueOf(hours.to()), HOURS);
            if (from.equals(to)) {
                throw invalid("quietHours", "שעת הסיום של שעות השקט חייבת להיות שונה משעת ההתחלה");
            }
            return new QuietHours(from, to);
        } catch (DateTimeParseException e) {
            throw invalid("quietHours", "שעות השקט נכתבות כשעה:דקות, למשל 22:00");
        }
    }

    private static ApiException invalid(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid_preferences", message, Map.of("field", field));
    }
}
