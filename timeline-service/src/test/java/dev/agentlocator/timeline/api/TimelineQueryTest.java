package dev.agentlocator.timeline.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentlocator.platform.kit.errors.ApiException;
import dev.agentlocator.timeline.projection.TimelineKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimelineQueryTest {

    @Test
    void withoutParametersItIsTheNewestHundredOfEveryKind() {
        var query = TimelineQuery.parse(null, null, null);

        assertThat(query.limit()).isEqualTo(100);
        assertThat(query.kinds()).isEmpty();
        assertThat(query.before()).isNull();
    }

    @Test
    void aLimitAboveTheCapIsLoweredToFiveHundred() {
        assertThat(TimelineQuery.parseLimit("1000")).isEqualTo(500);
        assertThat(TimelineQuery.parseLimit("99999999999999")).isEqualTo(500);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "abc", "1.5"})
    void aLimitThatIsNotAPositiveIntegerIsRefused(String limit) {
        assertThatThrownBy(() -> TimelineQuery.parseLimit(limit))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("invalid_limit"));
    }

    @Test
    void kindsAreAListOfKnownNames() {
        assertThat(TimelineQuery.parseKinds("call, whatsapp,,signature"))
                .containsExactlyInAnyOrder(TimelineKind.CALL, TimelineKind.WHATSAPP, TimelineKind.SIGNATURE);
    }

    @Test
    void anUnknownKindIsRefusedAndNamed() {
        assertThatThrownBy(() -> TimelineQuery.parseKinds("call,fax")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo("invalid_kind");
            assertThat(e.details()).containsEntry("value", "fax");
        });
    }
}
