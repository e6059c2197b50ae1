package dev.entitystore.domain.census;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.domain.query.Query;
import dev.entitystore.domain.search.SearchRequest;
import dev.entitystore.domain.search.SearchResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntityCensusTest {
    private static final Map<String, Long> TOTALS = Map.of("default/host", 3L, "default/user", 2L, "team-a/generic", 7L);

    @Test
    void counts_each_space_and_type_with_a_count_only_search_and_leaves_out_empty_ones() {
        List<SearchRequest> asked = new ArrayList<>();
        EntityCensus census = new EntityCensus(request -> {
            asked.add(request);
            Query.Terms type = (Query.Terms) request.query();
            return new SearchResult(List.of(), TOTALS.getOrDefault(request.space() + "/" + type.values().get(0), 0L));
        }, () -> List.of("default", "team-a"));

        assertThat(census.count()).containsExactly(new EntityCount("default", "user", 2), new EntityCount("default", "host", 3),
                new EntityCount("team-a", "generic", 7));
        assertThat(asked).hasSize(8).allSatisfy(request -> {
            assertThat(request.size()).isZero();
            assertThat(request.countTotal()).isTrue();
            assertThat(((Query.Terms) request.query()).field()).isEqualTo("entity.EngineMetadata.Type");
        });
    }

    @Test
    void a_store_without_spaces_counts_nothing_and_searches_nothing() {
        EntityCensus census = new EntityCensus(request -> {
            throw new AssertionError("no search expected");
        }, List::of);
        assertThat(census.count()).isEmpty();
    }
}
