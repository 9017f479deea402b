package dev.agentlocator.tasks.callbacks;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A tenant's opening hours, one span per weekday (a day without one is closed), in the business's
 * time zone. {@link #dueAt} counts a response time in business time only: inside hours it runs
 * from now, outside it starts at the next opening, and what is left at closing carries over to the
 * next opening. Every wall-clock time is turned into an instant through the zone's rules, so a
 * daylight-saving change never adds or loses an hour of the response time (ADR 0027).
 */
public record BusinessHours(Map<DayOfWeek, Span> days) {

    /** Opening and closing time of one day; {@code close} is after {@code open}. */
    public record Span(LocalTime open, LocalTime close) {
        public Span {
            if (open == null || close == null || !close.isAfter(open)) {
                throw new IllegalArgumentException("closing time must be after opening time");
            }
        }
    }

    /** Israel's week: Sunday to Thursday 09:00-18:00, Friday morning 09:00-13:00, Saturday closed. */
    public static BusinessHours israeliDefault() {
        Map<DayOfWeek, Span> days = new EnumMap<>(DayOfWeek.class);
        Span full = new Span(LocalTime.of(9, 0), LocalTime.of(18, 0));
        for (DayOfWeek day : new DayOfWeek[] {
            DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY
        }) {
            days.put(day, full);
        }
        days.put(DayOfWeek.FRIDAY, new Span(LocalTime.of(9, 0), LocalTime.of(13, 0)));
        return new BusinessHours(days);
    }

    public BusinessHours {
        days = Map.copyOf(days);
    }

    /**
     * When a response owed from {@code now} is due: {@code response} of business time later.
     * With no open day at all, the response time runs on the plain clock.
     */
    public Instant dueAt(Instant now, Duration response, ZoneId zone) {
        if (days.isEmpty()) {
            return now.plus(response);
        }
        Duration left = response;
        Instant cursor = now;
        LocalDate date = now.atZone(zone).toLocalDate();
        // a week always has an open day; two weeks bound any carry-over of a response time ≤ 1 day
        for (int i = 0; i < 15; i++, date = date.plusDays(1)) {
            Optional<Span> span = Optional.ofNullable(days.get(date.getDayOfWeek()));
            if (span.isEmpty()) {
                continue;
            }
            Instant open = ZonedDateTime.of(date, span.get().open(), zone).toInstant();
            Instant close = ZonedDateTime.of(date, span.get().close(), zone).toInstant();
            if (!cursor.isBefore(close)) {
                continue;
            }
            Instant start = cursor.isAfter(open) ? cursor : open;
            Duration available = Duration.between(start, close);
            if (left.compareTo(available) <= 0) {
                return start.plus(left);
            }
            left = left.minus(available);
            cursor = close;
        }
        return cursor.plus(left);
    }

    /** Whether {@code at} falls inside opening hours. */
    public boolean isOpen(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        Span span = days.get(local.getDayOfWeek());
        if (span == null) {
            return false;
        }
        Instant open = ZonedDateTime.of(local.toLocalDate(), span.open(), zone).toInstant();
        Instant close =
                ZonedDateTime.of(local.toLocalDate(), span.close(), zone).toInstant();
        return !at.isBefore(open) && at.isBefore(close);
    }
}
