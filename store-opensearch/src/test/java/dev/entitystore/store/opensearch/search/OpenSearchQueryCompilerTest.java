package dev.entitystore.store.opensearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entitystore.domain.query.KqlParser;
import dev.entitystore.domain.query.Query;
import dev.entitystore.domain.query.QueryDslParser;
import org.junit.jupiter.api.Test;

/** What the compiler sends for the cases where OpenSearch would otherwise answer differently or fail. */
class OpenSearchQueryCompilerTest {
    private static final long NOW = 1718452800000L; // 2024-06-15T12:00:00Z
    private static final IndexMapping MAPPING;

    static {
        try {
            MAPPING = IndexMapping.of(new ObjectMapper().readTree("""
                    {"properties":{"@timestamp":{"type":"date"},"n":{"type":"long"},"k":{"type":"keyword"},
                     "b":{"type":"boolean"},"d":{"type":"keyword","fields":{"date":{"type":"date"}}}}}"""));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String compile(Query query) {
        return new OpenSearchQueryCompiler(MAPPING, NOW).compile(query).toString();
    }

    @Test
    void a_value_a_number_field_cannot_hold_matches_nothing_instead_of_failing() {
        assertThat(compile(KqlParser.parse("n: abc"))).isEqualTo("{\"match_none\":{}}");
        assertThat(compile(KqlParser.parse("n: 4.5"))).isEqualTo("{\"match_none\":{}}");
        assertThat(compile(KqlParser.parse("n: 4.0"))).isEqualTo("{\"term\":{\"n\":4}}");
    }

    @Test
    void a_bool_of_optional_clauses_only_keeps_everything_not_excluded() {
        assertThat(compile(QueryDslParser.parse("{\"bool\":{\"should\":[{\"term\":{\"k\":\"x\"}}],\"minimum_should_match\":0}}")))
                .isEqualTo("{\"bool\":{\"filter\":[{\"match_all\":{}}],\"should\":[{\"term\":{\"k\":\"x\"}}],\"minimum_should_match\":0}}");
    }

    @Test
    void date_ranges_are_epoch_millis_computed_here_and_read_the_date_sub_field_of_a_keyword() {
        assertThat(compile(KqlParser.parse("d >= now-1d/d")))
                .isEqualTo("{\"range\":{\"d.date\":{\"gte\":1718323200000,\"format\":\"epoch_millis\"}}}");
        assertThat(compile(KqlParser.parse("k >= now-1d/d"))).isEqualTo("{\"match_none\":{}}");
        assertThat(compile(KqlParser.parse("@timestamp < \"2024-06-15\"")))
                .isEqualTo("{\"range\":{\"@timestamp\":{\"lte\":1718409599999,\"format\":\"epoch_millis\"}}}");
    }

    @Test
    void whole_number_ranges_become_inclusive_whole_bounds() {
        assertThat(compile(KqlParser.parse("n > 2.5 and n < 6")))
                .contains("{\"range\":{\"n\":{\"gte\":3}}}").contains("{\"range\":{\"n\":{\"lte\":5}}}");
    }

    @Test
    void case_insensitive_matching_folds_only_ascii_letters() {
        assertThat(compile(QueryDslParser.parse("{\"term\":{\"k\":{\"value\":\"Ab\",\"case_insensitive\":true}}}")))
                .isEqualTo("{\"term\":{\"k\":{\"value\":\"Ab\",\"case_insensitive\":true}}}");
        assertThat(compile(QueryDslParser.parse("{\"wildcard\":{\"k\":{\"value\":\"zü*.\",\"case_insensitive\":true}}}")))
                .isEqualTo("{\"regexp\":{\"k\":{\"value\":\"[zZ]ü.*\\\\.\",\"flags\":\"ALL\"}}}");
    }

    @Test
    void patterns_on_booleans_are_tried_on_their_words() {
        assertThat(compile(KqlParser.parse("b: t*"))).isEqualTo("{\"terms\":{\"b\":[true]}}");
        assertThat(compile(KqlParser.parse("b: x*"))).isEqualTo("{\"match_none\":{}}");
    }
}
