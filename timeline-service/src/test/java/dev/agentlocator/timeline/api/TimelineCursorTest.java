package dev.agentlocator.timeline.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentlocator.platform.kit.errors.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimelineCursorTest {

    @Test
    void aCursorDecodesToTheTimeAndEventItWasMadeFrom() {
        var cursor = new TimelineCursor(Instant.parse("2026-03-10T08:15:30.123456Z"), UUID.randomUUID());

        assertThat(TimelineCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void nanosecondsAreDroppedToTheMicrosecondsTheDatabaseKeeps() {
        var cursor = new TimelineCursor(Instant.parse("2026-03-10T08:15:30.123456789Z"), UUID.randomUUID());

        assertThat(TimelineCursor.decode(cursor.encode()).occurredAt())
                .isEqualTo(Instant.parse("2026-03-10T08:15:30.123456Z"));
    }

    @Test
    void timesBeforeTheEpochSurviveTheRoundTrip() {
        var cursor = new TimelineCursor(Instant.parse("1969-12-31T23:59:59.5Z"), UUID.randomUUID());

        assertThat(TimelineCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void theCursorIsUrlSafeWithoutPadding() {
        String encoded =
                new TimelineCursor(Instant.parse("2027-03-07T10:00:00.123456789Z"), UUID.randomUUID()).encode();

        assertThat(encoded).matches("[A-Za-z0-9_-]+");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-cursor!", "%%%", "", "djE6YWJjOmRlZg"})
    void garbageIsAnInvalidCursorError(String cursor) {
        assertThatThrownBy(() -> TimelineCursor.decode(cursor)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status().value()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("invalid_cursor");
            assertThat(e.getMessage()).isEqualTo(TimelineCursor.INVALID_MESSAGE);
        });
    }

    @Test
    void aWellEncodedButForeignPayloadIsRejected() {
        String foreign = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("v2:1:" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> TimelineCursor.decode(foreign)).isInstanceOf(ApiException.class);
    }
}
