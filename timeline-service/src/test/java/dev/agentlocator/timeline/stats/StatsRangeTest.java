package dev.agentlocator.timeline.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentlocator.platform.kit.errors.ApiException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StatsRangeTest {

    /** The business's day when the request is made (the controller takes it from its clock). */
    private static final LocalDate TODAY = LocalDate.of(2027, 3, 7);

    @Test
    void withoutDatesItIsThisMonthUpToToday() {
        var range = StatsRange.parse(null, null, TODAY);

        assertThat(range.from()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(range.to()).isEqualTo(TODAY);
    }

    @Test
    void withOnlyAnEndItIsThatMonthUpToTheEnd() {
        var range = StatsRange.parse(null, "2027-02-10", TODAY);

        assertThat(range.from()).isEqualTo(LocalDate.of(2027, 2, 1));
        assertThat(range.to()).isEqualTo(LocalDate.of(2027, 2, 10));
    }

    @Test
    void bothEndsAreIncluded() {
        var range = StatsRange.parse("2026-02-27", "2026-03-02", TODAY);

        assertThat(range.days()).hasSize(4).startsWith(LocalDate.of(2026, 2, 27));
    }

    @Test
    void aFullLeapYearIsTheLongestRange() {
        assertThat(StatsRange.parse("2028-01-01", "2028-12-31", TODAY).days()).hasSize(366);
        assertThatThrownBy(() -> StatsRange.parse("2027-01-01", "2028-01-02", TODAY))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("range_too_long"));
    }

    @Test
    void aMalformedDateIsRefused() {
        assertThatThrownBy(() -> StatsRange.parse("2026-13-01", null, TODAY))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("invalid_date"));
    }

    @Test
    void fromAfterToIsRefused() {
        assertThatThrownBy(() -> StatsRange.parse("2026-03-02", "2026-03-01", TODAY))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("invalid_range"));
    }
}
