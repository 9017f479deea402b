package dev.agentlocator.billing.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Documents are dated in Israel's time zone, whatever the server's clock says. */
public final class IsraelTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Jerusalem");

    /** The Israeli calendar day of {@code time}, as ISO text; empty for none (a CSV cell). */
    public static String day(OffsetDateTime time) {
        return time == null ? "" : localDate(time).toString();
    }

    public static LocalDate localDate(OffsetDateTime time) {
        return time.atZoneSameInstant(ZONE).toLocalDate();
    }

    public static LocalDate localDate(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    private IsraelTime() {}
}
