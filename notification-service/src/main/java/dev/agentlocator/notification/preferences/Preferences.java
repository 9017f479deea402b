package dev.agentlocator.notification.preferences;

import dev.agentlocator.notification.NotificationKind;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** What a user wants of each kind of notification, asked by the rules for every recipient. */
@Service
public class Preferences {

    /** Quiet hours are Israeli wall time, whatever the server's zone. */
    public static final ZoneId ISRAEL = ZoneId.of("Asia/Jerusalem");

    /** Whether the notification goes to the bell, and whether it also goes out as Web Push now. */
    public record Decision(boolean bell, boolean push) {}

    private final PreferenceRepository preferences;
    private final Clock clock;

    Preferences(PreferenceRepository preferences, Clock clock) {
        this.preferences = preferences;
        this.clock = clock;
    }

    public Decision decide(UUID tenantId, UUID userId, NotificationKind kind) {
        var row = preferences.kind(tenantId, userId, kind.wire());
        boolean bell = row.map(PreferenceRepository.Row::bell).orElse(true);
        boolean push = row.map(PreferenceRepository.Row::push).orElse(kind.pushByDefault());
        if (push) {
            LocalTime now = LocalTime.ofInstant(clock.instant(), ISRAEL);
            push = preferences
                    .quietHours(tenantId, userId)
                    .map(q -> !q.contains(now))
                    .orElse(true);
        }
        return new Decision(bell, push);
    }
}
