package dev.agentlocator.platform.kit.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentlocator.platform.kit.errors.ApiException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SortOrderTest {

    private static final Map<String, String> COLUMNS = Map.of("name", "name", "createdAt", "created_at");

    @Test
    void noSortMeansNewestFirst() {
        assertThat(SortOrder.parse(null, COLUMNS)).isEqualTo(SortOrder.NEWEST_FIRST);
        assertThat(SortOrder.parse("  ", COLUMNS)).isEqualTo(SortOrder.NEWEST_FIRST);
    }

    @Test
    void aLeadingMinusSortsDescendingWithTheIdBreakingTies() {
        assertThat(SortOrder.parse("-createdAt", COLUMNS).orderBy()).isEqualTo("created_at desc nulls last, id desc");
        assertThat(SortOrder.parse("name", COLUMNS).orderBy()).isEqualTo("name asc nulls last, id asc");
    }

    @Test
    void anUnknownFieldIsA400ListingTheAllowedOnesAndNeverReachesTheSql() {
        assertThatThrownBy(() -> SortOrder.parse("name; drop table customer", COLUMNS))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("invalid_sort");
                    assertThat(e.getMessage()).contains("createdAt, name");
                });
    }
}
