package dev.agentlocator.platform.kit.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentlocator.platform.kit.errors.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageRequestTest {

    @Test
    void defaultsToTheFirstPageOf25() {
        assertThat(PageRequest.parse(null, null)).isEqualTo(new PageRequest(1, 25));
    }

    @Test
    void capsTheLimitAt100InsteadOfRefusingIt() {
        assertThat(PageRequest.parse("2", "1000")).isEqualTo(new PageRequest(2, 100));
    }

    @ParameterizedTest
    @CsvSource({"0, 25", "-1, 25", "abc, 25", "1, abc", "1, -1", "1, 0", "1.5, 25", "99999999999, 25"})
    void refusesBadValuesWithAHebrewMessage(String page, String limit) {
        assertThatThrownBy(() -> PageRequest.parse(page, limit)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status().value()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("invalid_paging");
            assertThat(e.getMessage()).containsPattern("[א-ת]");
        });
    }

    @Test
    void countsPagesAndOffsets() {
        var page = new PageRequest(3, 25);
        assertThat(page.offset()).isEqualTo(50);
        assertThat(page.pages(60)).isEqualTo(3);
        assertThat(page.pages(0)).isZero();
    }
}
