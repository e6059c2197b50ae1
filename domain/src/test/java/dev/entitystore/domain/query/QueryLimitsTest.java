package dev.entitystore.domain.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Hostile filters end in the parsers' 400 text, never in a StackOverflowError or a silent acceptance. */
class QueryLimitsTest {
    private static final int HOSTILE_DEPTH = 10_000;

    @Test
    void kqlWithTenThousandNestedParenthesesIsRefusedAsTooDeep() {
        String kql = "(".repeat(HOSTILE_DEPTH) + "a:1" + ")".repeat(HOSTILE_DEPTH);
        assertThatThrownBy(() -> KqlParser.parse(kql.substring(0, QueryLimits.MAX_LENGTH)))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessage("Invalid filter: Expression is nested too deeply (more than 200 levels)");
    }

    @Test
    void kqlWithTenThousandNestedValueListsOrObjectsIsRefusedAsTooDeep() {
        String lists = "a:" + "(".repeat(5_000) + "1" + ")".repeat(5_000);
        String objects = "a:{".repeat(3_000) + "b:1" + "}".repeat(3_000);
        assertThatThrownBy(() -> KqlParser.parse(lists)).hasMessageContaining("nested too deeply");
        assertThatThrownBy(() -> KqlParser.parse(objects)).hasMessageContaining("nested too deeply");
    }

    @Test
    void kqlAtTheDepthLimitStillParses() {
        String kql = "(".repeat(200) + "a:1" + ")".repeat(200);
        assertThat(KqlParser.parse(kql)).isEqualTo(new Query.Term("a", "1"));
    }

    @Test
    void kqlLongerThanTheLimitIsRefused() {
        String kql = "a:" + "x".repeat(QueryLimits.MAX_LENGTH);
        assertThatThrownBy(() -> KqlParser.parse(kql)).isInstanceOf(InvalidQueryException.class)
                .hasMessage("Invalid filter: longer than 16384 characters");
    }

    @Test
    void dslWithTenThousandNestedBoolsIsRefusedAsTooDeep() {
        String dsl = "{\"bool\":{\"must\":".repeat(HOSTILE_DEPTH) + "{\"match_all\":{}}" + "}}".repeat(HOSTILE_DEPTH);
        // Past the length limit first; under it, the nesting is what fails.
        assertThatThrownBy(() -> QueryDslParser.parse(dsl)).isInstanceOf(InvalidQueryException.class)
                .hasMessage("Invalid filterQuery: longer than 16384 characters");
        String deep = "{\"bool\":{\"must\":".repeat(800) + "{\"match_all\":{}}" + "}}".repeat(800);
        assertThatThrownBy(() -> QueryDslParser.parse(deep)).isInstanceOf(InvalidQueryException.class)
                .hasMessage("Invalid filterQuery: queries nested too deeply (more than 100 levels)");
    }

    @Test
    void dslJsonNestedPastJacksonsLimitIsTheSameClearText() {
        String deep = "{\"bool\":{\"must\":[".repeat(600) + "{\"match_all\":{}}" + "]}}".repeat(600);
        assertThatThrownBy(() -> QueryDslParser.parse(deep))
                .hasMessage("Invalid filterQuery: queries nested too deeply (more than 100 levels)");
    }

    @Test
    void dslDepthIsCountedInQueriesSoTheLimitItselfParses() {
        assertThat(QueryDslParser.parse(nestedBools(99))).isInstanceOf(Query.Bool.class);
        assertThatThrownBy(() -> QueryDslParser.parse(nestedBools(100)))
                .hasMessageContaining("nested too deeply");
    }

    @Test
    void queryStringWithTenThousandNestedGroupsIsRefusedAsTooDeep() {
        String groups = "(".repeat(HOSTILE_DEPTH) + "a" + ")".repeat(HOSTILE_DEPTH);
        String dsl = "{\"query_string\":{\"query\":\"" + groups.substring(0, 15_000) + "\"}}";
        assertThatThrownBy(() -> QueryDslParser.parse(dsl)).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("groups nested too deeply (more than 100 levels)");
        String nestedClauses = "(a ".repeat(3_000) + "a" + ")".repeat(3_000);
        assertThatThrownBy(() -> QueryDslParser.parse("{\"query_string\":{\"query\":\"" + nestedClauses + "\"}}"))
                .hasMessageContaining("groups nested too deeply");
    }

    @Test
    void queryStringAtTheDepthLimitStillParses() {
        String groups = "(".repeat(100) + "a:1" + ")".repeat(100);
        assertThat(QueryDslParser.parse("{\"query_string\":{\"query\":\"" + groups + "\"}}"))
                .isEqualTo(new Query.Term("a", "1"));
    }

    /** {@code levels} bools around a match_all: {@code levels + 1} query objects deep. */
    private static String nestedBools(int levels) {
        return "{\"bool\":{\"must\":".repeat(levels) + "{\"match_all\":{}}" + "}}".repeat(levels);
    }
}
