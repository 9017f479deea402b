package dev.agentlocator.telephony.whatsapp;

import dev.agentlocator.platform.kit.errors.ApiException;
import dev.agentlocator.platform.kit.security.Roles;
import dev.agentlocator.telephony.common.ShiftableClock;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Development only ({@code TELEPHONY_DEV_TOOLS=true}, which the local stack sets): moves this
 * service's clock forward, so a browser test or a developer sees WhatsApp's 24-hour window close
 * without waiting a day. The service refuses to start with it in production.
 */
@RestController
@ConditionalOnProperty(name = "agentlocator.telephony.dev-tools", havingValue = "true")
class DevToolsController {

    private final Clock clock;

    DevToolsController(Clock clock, Environment environment) {
        if ("production".equalsIgnoreCase(environment.getProperty("APP_ENV", ""))) {
            throw new IllegalStateException("TELEPHONY_DEV_TOOLS must not be set in production");
        }
        this.clock = clock;
    }

    record Advance(Integer hours, Integer minutes) {}

    @PostMapping("/api/whatsapp/dev/clock")
    @PreAuthorize(Roles.CAN_WRITE)
    Map<String, String> advance(@RequestBody(required = false) Advance body) {
        if (!(clock instanceof ShiftableClock shiftable)) {
            throw new ApiException(
                    org.springframework.http.HttpStatus.CONFLICT, "clock_fixed", "השעון של השירות אינו ניתן להזזה");
        }
        int hours = body == null || body.hours() == null ? 0 : body.hours();
        int minutes = body == null || body.minutes() == null ? 0 : body.minutes();
        if (hours < 0 || minutes < 0 || hours > 24 * 30) {
            throw ApiException.badRequest("invalid_advance", "אפשר להזיז את השעון קדימה בלבד, עד 30 יום");
        }
        Duration offset = shiftable.advance(Duration.ofHours(hours).plusMinutes(minutes));
        return Map.of("now", clock.instant().toString(), "offset", offset.toString());
    }
}
