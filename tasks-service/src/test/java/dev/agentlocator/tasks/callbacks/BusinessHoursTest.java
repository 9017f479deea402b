package dev.agentlocator.tasks.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The response time counts business time only, in Asia/Jerusalem: Sunday-Thursday 09:00-18:00,
 * Friday 09:00-13:00. The cases sit on the edges: closing time, Friday noon, Saturday, and the two
 * nights Israel's clocks change (2026: Friday 27 March 02:00 → 03:00, Sunday 25 October 02:00 →
 * 01:00).
 */
class BusinessHoursTest {

    static final ZoneId ISRAEL = ZoneId.of("Asia/Jerusalem");
    static final BusinessHours HOURS = BusinessHours.israeliDefault();

    @ParameterizedTest(name = "{0} + {1} min → {2}")
    @CsvSource({
        // inside hours: now plus the response time
        "2026-06-07T10:00:00+03:00, 15, 2026-06-07T10:15:00+03:00",
        // before opening: the morning's opening plus the response time
        "2026-06-08T07:00:00+03:00, 15, 2026-06-08T09:15:00+03:00",
        // ten minutes before Thursday's close: ten today, five after Friday's opening
        "2026-06-11T17:50:00+03:00, 15, 2026-06-12T09:05:00+03:00",
        // Friday is a morning: five minutes before 13:00 carry over to Sunday
        "2026-06-12T12:55:00+03:00, 15, 2026-06-14T09:10:00+03:00",
        // Friday afternoon and Saturday night: Sunday morning
        "2026-06-12T14:00:00+03:00, 15, 2026-06-14T09:15:00+03:00",
        "2026-06-13T20:00:00+03:00, 15, 2026-06-14T09:15:00+03:00",
        // at closing time exactly the day is over
        "2026-06-07T18:00:00+03:00, 15, 2026-06-08T09:15:00+03:00",
        // ten hours: the rest of Sunday (9 h) and one hour of Monday
        "2026-06-07T09:00:00+03:00, 600, 2026-06-08T10:00:00+03:00",
        // summer time begins on Friday 27 March 2026 at 02:00: Thursday's last five minutes, then
        // Friday 09:10 summer time (06:10 UTC, not 07:10)
        "2026-03-26T17:55:00+02:00, 15, 2026-03-27T09:10:00+03:00",
        // a Saturday call the week summer time began: Sunday 09:15 summer time
        "2026-03-28T21:00:00+03:00, 15, 2026-03-29T09:15:00+03:00",
        // summer time ends on Sunday 25 October 2026 at 02:00: Friday's last ten minutes, then
        // Sunday 09:05 winter time (07:05 UTC)
        "2026-10-23T12:50:00+03:00, 15, 2026-10-25T09:05:00+02:00",
        // in the repeated hour itself (01:30 winter time, after the change): the morning's opening
        "2026-10-24T23:30:00Z, 15, 2026-10-25T09:15:00+02:00",
    })
    void theResponseTimeRunsInBusinessHoursOnly(String now, int minutes, String expected) {
        Instant due = HOURS.dueAt(OffsetDateTime.parse(now).toInstant(), Duration.ofMinutes(minutes), ISRAEL);

        assertThat(due).isEqualTo(OffsetDateTime.parse(expected).toInstant());
    }

    @Test
    void aDaylightSavingNightNeverAddsOrLosesAnHourOfBusinessTime() {
        // Thursday 26 March 2026 17:00 (winter) + 120 min: 60 on Thursday, 60 on Friday (summer)
        Instant due = HOURS.dueAt(
                OffsetDateTime.parse("2026-03-26T17:00:00+02:00").toInstant(), Duration.ofMinutes(120), ISRAEL);

        assertThat(due)
                .isEqualTo(OffsetDateTime.parse("2026-03-27T10:00:00+03:00").toInstant());
    }

    @Test
    void withoutAnyOpenDayTheResponseTimeRunsOnThePlainClock() {
        Instant now = Instant.parse("2026-06-13T10:00:00Z");

        assertThat(new BusinessHours(Map.of()).dueAt(now, Duration.ofMinutes(15), ISRAEL))
                .isEqualTo(now.plusSeconds(900));
    }

    @Test
    void openIsInsideTheSpanOfTheDay() {
        assertThat(HOURS.isOpen(
                        OffsetDateTime.parse("2026-06-12T12:59:00+03:00").toInstant(), ISRAEL))
                .isTrue();
        assertThat(HOURS.isOpen(
                        OffsetDateTime.parse("2026-06-12T13:00:00+03:00").toInstant(), ISRAEL))
                .isFalse();
        assertThat(HOURS.isOpen(
                        OffsetDateTime.parse("2026-06-13T10:00:00+03:00").toInstant(), ISRAEL))
                .isFalse();
    }
}
