package dev.agentlocator.timeline.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentlocator.platform.kit.errors.ApiException;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class StatsRangeTest {

    private static final ZoneId ISRAEL = ZoneId.of("Asia/Jerusalem");

    @Test
    void withoutDatesItIsThisMonthUpToToday() {
        var range = StatsRange.parse(null, null, ISRAEL);

        assertThat(range.to()).isEqualTo(LocalDate.now(ISRAEL));
        assertThat(range.from()).isEqualTo(range.to().withDayOfMonth(1));
    }

    @Test
    void bothEndsAreIncluded() {
        var range = StatsRange.parse("2026-02-27", "2026-03-02", ISRAEL);

        assertThat(range.days()).hasSize(4).startsWith(LocalDate.of(2026, 2, 27));
    }

    @Test
    void aFullLeapYearIsTheLongestRange() {
        assertThat(StatsRange.parse("2028-01-01", "2028-12-31", ISRAEL).days()).hasSize(366);
        assertThatThrownBy(() -> StatsRange.parse("2027-01-01", "2028-01-02", ISRAEL))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("range_too_long"));
    }

    @Test
    void aMalformedDateIsRefused() {
        assertThatThrownBy(() -> StatsRange.parse("2026-13-01", null, ISRAEL))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("invalid_date"));
    }

    @Test
    void fromAfterToIsRefused() {
        assertThatThrownBy(() -> StatsRange.parse("2026-03-02", "2026-03-01", ISRAEL))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("invalid_range"));
    }
}
