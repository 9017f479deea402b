package dev.agentlocator.platform.kit.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentlocator.platform.kit.errors.ApiException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SortOrderTest {

    private static final Map<String, String> COLUMNS =
            Map.of("name", "name", "createdAt", "created_at", "issuedAt", SortOrder.nullable("issued_at"));

    @Test
    void noSortMeansNewestFirst() {
        assertThat(SortOrder.parse(null, COLUMNS)).isEqualTo(SortOrder.NEWEST_FIRST);
        assertThat(SortOrder.parse("  ", COLUMNS)).isEqualTo(SortOrder.NEWEST_FIRST);
    }

    @Test
    void aLeadingMinusSortsDescendingWithTheIdBreakingTies() {
        assertThat(SortOrder.parse("-createdAt", COLUMNS).orderBy()).isEqualTo("created_at desc, id desc");
        assertThat(SortOrder.parse("name", COLUMNS).orderBy()).isEqualTo("name asc, id asc");
    }

    @Test
    void aNullableColumnKeepsItsEmptyValuesLastInBothDirections() {
        assertThat(SortOrder.parse("issuedAt", COLUMNS).orderBy()).isEqualTo("issued_at asc nulls last, id asc");
        assertThat(SortOrder.parse("-issuedAt", COLUMNS).orderBy()).isEqualTo("issued_at desc nulls last, id desc");
    }

    @Test
    void anUnknownFieldIsA400ListingTheAllowedOnesAndNeverReachesTheSql() {
        assertThatThrownBy(() -> SortOrder.parse("name; drop table customer", COLUMNS))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("invalid_sort");
                    assertThat(e.getMessage()).contains("createdAt, issuedAt, name");
                });
    }
}
