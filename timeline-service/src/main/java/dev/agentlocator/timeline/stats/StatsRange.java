package dev.agentlocator.timeline.stats;

import dev.agentlocator.platform.kit.errors.ApiException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;

/**
 * An inclusive range of local days. Without {@code from}/{@code to} it is the current month up to
 * today, which is what the dashboard opens with.
 */
record StatsRange(LocalDate from, LocalDate to) {

    static final int MAX_DAYS = 366;

    /** {@code today}: the business's current day, the end of a range without {@code to}. */
    static StatsRange parse(String from, String to, LocalDate today) {
        LocalDate end = to == null || to.isBlank() ? today : date("to", to);
        LocalDate start = from == null || from.isBlank() ? end.withDayOfMonth(1) : date("from", from);
        if (start.isAfter(end)) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "invalid_range",
                    "תאריך ההתחלה (from) חייב להיות לפני תאריך הסיום (to) או שווה לו",
                    Map.of("from", start.toString(), "to", end.toString()));
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "range_too_long",
                    "אפשר להציג נתונים לטווח של עד " + MAX_DAYS + " ימים",
                    Map.of("maxDays", MAX_DAYS));
        }
        return new StatsRange(start, end);
    }

    Stream<LocalDate> days() {
        return from.datesUntil(to.plusDays(1));
    }

    private static LocalDate date(String parameter, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "invalid_date",
                    "התאריך בפרמטר " + parameter + " אינו תקין; יש להשתמש בתבנית YYYY-MM-DD",
                    Map.of("parameter", parameter, "value", value));
        }
    }
}
