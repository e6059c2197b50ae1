package dev.entitystore.domain.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entitystore.domain.query.Query.Bool;
import dev.entitystore.domain.query.Query.Exists;
import dev.entitystore.domain.query.Query.Range;
import dev.entitystore.domain.query.Query.RangeBound;
import dev.entitystore.domain.query.Query.Term;
import dev.entitystore.domain.query.Query.Terms;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryDslParserTest {
    static Query dsl(String json) {
        return QueryDslParser.parse(json);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "not json", "{\"term\":}", ""})
    void notJson(String text) {
        assertThatThrownBy(() -> dsl(text)).isInstanceOf(InvalidQueryException.class)
                .hasMessage("Invalid filterQuery: must be valid JSON");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fuzzy", "nested", "script", "geo_distance", "more_like_this"})
    void unsupportedTypes(String type) {
        assertThatThrownBy(() -> dsl("{\"" + type + "\":{}}")).hasMessage("Invalid filterQuery: unsupported query [" + type + "]");
    }

    @Test
    void unsupportedInsideBool() {
        assertThatThrownBy(() -> dsl("{\"bool\":{\"must\":[{\"term\":{\"a\":\"b\"}},{\"regexp\":{\"a\":\"b.*\"}}]}}"))
                .hasMessage("Invalid filterQuery: unsupported query [regexp]");
    }

    @Test
    void termShortAndLongForms() {
        assertThat(dsl("{\"term\":{\"host.name\":\"web-01\"}}")).isEqualTo(new Term("host.name", "web-01"));
        assertThat(dsl("{\"term\":{\"host.name\":{\"value\":\"web-01\",\"boost\":2}}}")).isEqualTo(new Term("host.name", "web-01"));
        assertThat(dsl("{\"term\":{\"a\":{\"value\":\"X\",\"case_insensitive\":true}}}")).isEqualTo(new Term("a", "X", true));
        assertThat(dsl("{\"term\":{\"n\":5}}")).isEqualTo(new Term("n", "5"));
        assertThat(dsl("{\"term\":{\"b\":true}}")).isEqualTo(new Term("b", "true"));
    }

    @Test
    void matchAndPhraseAreExactOnKeywords() {
        assertThat(dsl("{\"match\":{\"a\":\"x y\"}}")).isEqualTo(new Term("a", "x y"));
        assertThat(dsl("{\"match\":{\"a\":{\"query\":\"x\",\"operator\":\"and\"}}}")).isEqualTo(new Term("a", "x"));
        assertThat(dsl("{\"match_phrase\":{\"a\":\"x y\"}}")).isEqualTo(new Term("a", "x y"));
    }

    @Test
    void termsExistsIdsPrefixWildcard() {
        assertThat(dsl("{\"terms\":{\"entity.EngineMetadata.Type\":[\"host\",\"user\"]}}"))
                .isEqualTo(new Terms("entity.EngineMetadata.Type", List.of("host", "user")));
        assertThat(dsl("{\"exists\":{\"field\":\"host.ip\"}}")).isEqualTo(new Exists("host.ip"));
        assertThat(dsl("{\"ids\":{\"values\":[\"abc\"]}}")).isEqualTo(new Query.Ids(List.of("abc")));
        assertThat(dsl("{\"prefix\":{\"a\":\"we\"}}")).isEqualTo(new Query.Prefix("a", "we", false));
        assertThat(dsl("{\"prefix\":{\"a\":{\"value\":\"we\",\"case_insensitive\":true}}}")).isEqualTo(new Query.Prefix("a", "we", true));
        assertThat(dsl("{\"wildcard\":{\"a\":\"w*1\"}}")).isEqualTo(new Query.Wildcard("a", "w*1", false));
        assertThat(dsl("{\"wildcard\":{\"a\":{\"wildcard\":\"w?1\"}}}")).isEqualTo(new Query.Wildcard("a", "w?1", false));
        assertThat(dsl("{\"match_all\":{}}")).isEqualTo(new Query.MatchAll());
        assertThat(dsl("{}")).isEqualTo(new Query.MatchAll());
    }

    @Test
    void range() {
        assertThat(dsl("{\"range\":{\"n\":{\"gte\":1,\"lt\":5}}}"))
                .isEqualTo(new Range("n", new RangeBound("1", true), new RangeBound("5", false)));
        assertThat(dsl("{\"range\":{\"@timestamp\":{\"gt\":\"now-1d/d\",\"format\":\"strict_date_optional_time\"}}}"))
                .isEqualTo(new Range("@timestamp", new RangeBound("now-1d/d", false), null));
        assertThat(dsl("{\"range\":{\"n\":{\"from\":1,\"to\":null,\"include_lower\":false}}}"))
                .isEqualTo(new Range("n", new RangeBound("1", false), null));
    }

    @Test
    void boolWithEveryClauseAndMinimumShouldMatch() {
        Query q = dsl("{\"bool\":{\"must\":{\"term\":{\"a\":\"1\"}},\"filter\":[{\"term\":{\"b\":\"2\"}}],"
                + "\"should\":[{\"term\":{\"c\":\"3\"}},{\"term\":{\"d\":\"4\"}}],\"must_not\":[{\"exists\":{\"field\":\"e\"}}],"
                + "\"minimum_should_match\":1}}");
        assertThat(q).isEqualTo(new Bool(List.of(new Term("a", "1")), List.of(new Term("b", "2")),
                List.of(new Term("c", "3"), new Term("d", "4")), List.of(new Exists("e")), 1));
    }

    @Test
    void shouldAloneNeedsOneAndWithMustNeedsNone() {
        assertThat(((Bool) dsl("{\"bool\":{\"should\":[{\"term\":{\"a\":\"1\"}}]}}")).minimumShouldMatch()).isEqualTo(1);
        assertThat(((Bool) dsl("{\"bool\":{\"must\":[{\"term\":{\"a\":\"1\"}}],\"should\":[{\"term\":{\"a\":\"2\"}}]}}"))
                .minimumShouldMatch()).isEqualTo(0);
        assertThat(((Bool) dsl("{\"bool\":{\"should\":[{\"term\":{\"a\":\"1\"}},{\"term\":{\"a\":\"2\"}}],\"minimum_should_match\":\"100%\"}}"))
                .minimumShouldMatch()).isEqualTo(2);
        assertThat(((Bool) dsl("{\"bool\":{\"should\":[{\"term\":{\"a\":\"1\"}},{\"term\":{\"a\":\"2\"}}],\"minimum_should_match\":-1}}"))
                .minimumShouldMatch()).isEqualTo(1);
    }

    @Test
    void malformedQueriesSayWhat() {
        assertThatThrownBy(() -> dsl("[]")).hasMessage("Invalid filterQuery: query malformed, must start with start_object");
        assertThatThrownBy(() -> dsl("{\"term\":{\"a\":\"1\"},\"match_all\":{}}"))
                .hasMessage("Invalid filterQuery: [term] malformed query, expected [END_OBJECT] but found [FIELD_NAME]");
        assertThatThrownBy(() -> dsl("{\"term\":{\"a\":\"1\",\"b\":\"2\"}}")).hasMessageContaining("[term] query doesn't support multiple fields");
        assertThatThrownBy(() -> dsl("{\"bool\":{\"musts\":[]}}")).hasMessage("Invalid filterQuery: [bool] query does not support [musts]");
        assertThatThrownBy(() -> dsl("{\"exists\":{}}")).hasMessage("Invalid filterQuery: [exists] must be provided with a [field]");
        assertThatThrownBy(() -> dsl("{\"term\":{\"a\":{\"foo\":1}}}")).hasMessage("Invalid filterQuery: [term] query does not support [foo]");
        assertThatThrownBy(() -> dsl("{\"term\":{\"a\":[1]}}")).hasMessageContaining("[term] query does not support a value of type array");
    }

    @Test
    void queryStringSubset() {
        assertThat(dsl("{\"query_string\":{\"query\":\"host.name:web-01\"}}")).isEqualTo(new Term("host.name", "web-01"));
        assertThat(dsl("{\"query_string\":{\"query\":\"a:1 AND b:2\"}}"))
                .isEqualTo(new Bool(List.of(new Term("a", "1"), new Term("b", "2")), List.of(), List.of(), List.of(), 0));
        assertThat(dsl("{\"query_string\":{\"query\":\"a:1 OR b:2\"}}"))
                .isEqualTo(new Bool(List.of(), List.of(), List.of(new Term("a", "1"), new Term("b", "2")), List.of(), 1));
        assertThat(dsl("{\"query_string\":{\"query\":\"NOT a:1\"}}"))
                .isEqualTo(new Bool(List.of(), List.of(), List.of(), List.of(new Term("a", "1")), 0));
        assertThat(dsl("{\"query_string\":{\"query\":\"a:(x OR y)\"}}"))
                .isEqualTo(new Bool(List.of(), List.of(), List.of(new Term("a", "x"), new Term("a", "y")), List.of(), 1));
        assertThat(dsl("{\"query_string\":{\"query\":\"a:web*\"}}")).isEqualTo(new Query.Wildcard("a", "web*", false));
        assertThat(dsl("{\"query_string\":{\"query\":\"a:*\"}}")).isEqualTo(new Exists("a"));
        assertThat(dsl("{\"query_string\":{\"query\":\"_exists_:a\"}}")).isEqualTo(new Exists("a"));
        assertThat(dsl("{\"query_string\":{\"query\":\"n:[1 TO 5}\"}}"))
                .isEqualTo(new Range("n", new RangeBound("1", true), new RangeBound("5", false)));
        assertThat(dsl("{\"query_string\":{\"query\":\"n:>=3\"}}")).isEqualTo(new Range("n", new RangeBound("3", true), null));
        assertThat(dsl("{\"query_string\":{\"query\":\"a:\\\"x y\\\"\"}}")).isEqualTo(new Term("a", "x y"));
        assertThat(dsl("{\"query_string\":{\"query\":\"web\",\"default_field\":\"host.name\"}}")).isEqualTo(new Term("host.name", "web"));
        assertThat(dsl("{\"query_string\":{\"query\":\"a:1 b:2\",\"default_operator\":\"AND\"}}"))
                .isEqualTo(new Bool(List.of(new Term("a", "1"), new Term("b", "2")), List.of(), List.of(), List.of(), 0));
        assertThat(dsl("{\"query_string\":{\"query\":\"+a:1 -b:2\"}}"))
                .isEqualTo(new Bool(List.of(new Term("a", "1")), List.of(), List.of(), List.of(new Term("b", "2")), 0));
    }

    @Test
    void queryStringRefusals() {
        assertThatThrownBy(() -> dsl("{\"query_string\":{\"query\":\"a:web~2\"}}")).hasMessage("Invalid filterQuery: unsupported query [fuzzy]");
        assertThatThrownBy(() -> dsl("{\"query_string\":{\"query\":\"a:/we.*/\"}}")).hasMessage("Invalid filterQuery: unsupported query [regexp]");
        assertThatThrownBy(() -> dsl("{\"query_string\":{\"query\":\"(a:1\"}}")).hasMessageStartingWith("Invalid filterQuery: [query_string] Failed to parse query [(a:1]");
        assertThatThrownBy(() -> dsl("{\"query_string\":{}}")).hasMessage("Invalid filterQuery: [query_string] requires a [query]");
    }
}
