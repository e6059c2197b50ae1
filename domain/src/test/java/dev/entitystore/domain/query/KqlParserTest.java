package dev.entitystore.domain.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entitystore.domain.query.Query.Bool;
import dev.entitystore.domain.query.Query.Exists;
import dev.entitystore.domain.query.Query.MatchAll;
import dev.entitystore.domain.query.Query.Range;
import dev.entitystore.domain.query.Query.RangeBound;
import dev.entitystore.domain.query.Query.Term;
import dev.entitystore.domain.query.Query.Wildcard;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KqlParserTest {
    static Query kql(String text) {
        return KqlParser.parse(text);
    }

    static String error(String text) {
        try {
            KqlParser.parse(text);
        } catch (InvalidQueryException e) {
            return e.getMessage();
        }
        throw new AssertionError("parsed: " + text);
    }

    @Nested
    class Structure {
        @Test
        void emptyAndBlankMatchEverything() {
            assertThat(kql("")).isEqualTo(new MatchAll());
            assertThat(kql("   ")).isEqualTo(new MatchAll());
        }

        @Test
        void fieldValue() {
            assertThat(kql("entity.id: list-filter-match")).isEqualTo(new Term("entity.id", "list-filter-match"));
            assertThat(kql("entity.id:x")).isEqualTo(new Term("entity.id", "x"));
        }

        @Test
        void quotedValueKeepsSpacesColonsAndEscapes() {
            assertThat(kql("entity.id: \"host:web-01\"")).isEqualTo(new Term("entity.id", "host:web-01"));
            assertThat(kql("a:\"say \\\"hi\\\" \\\\ now\"")).isEqualTo(new Term("a", "say \"hi\" \\ now"));
            assertThat(kql("a:\"tab\\there\"")).isEqualTo(new Term("a", "tab\there"));
            assertThat(kql("a:\"\\u0041\"")).isEqualTo(new Term("a", "A"));
            assertThat(kql("a:\"*\"")).isEqualTo(new Term("a", "*"));
        }

        @Test
        void unquotedValueMayHoldSpacesAndIsTrimmed() {
            assertThat(kql("user.full_name: Jane Doe ")).isEqualTo(new Term("user.full_name", "Jane Doe"));
        }

        @Test
        void escapedSpecialsAndKeywords() {
            assertThat(kql("a:host\\:web\\(1\\)")).isEqualTo(new Term("a", "host:web(1)"));
            assertThat(kql("a:\\*")).isEqualTo(new Term("a", "*"));
            assertThat(kql("a:x \\or y")).isEqualTo(new Term("a", "x or y"));
        }

        @Test
        void wildcardsExistsAndMatchAll() {
            assertThat(kql("entity.id: required-id-*-bulk")).isEqualTo(new Wildcard("entity.id", "required-id-*-bulk", false));
            assertThat(kql("host.name:*")).isEqualTo(new Exists("host.name"));
            assertThat(kql("*:*")).isEqualTo(new MatchAll());
            assertThat(kql("a:we?rd*")).isEqualTo(new Wildcard("a", "we\\?rd*", false));
            assertThat(kql("host.*:web")).isEqualTo(new Term("host.*", "web"));
        }

        @Test
        void bareValuesSearchEveryField() {
            assertThat(kql("web-01")).isEqualTo(new Term(Query.ALL_FIELDS, "web-01"));
            assertThat(kql("web*")).isEqualTo(new Wildcard(Query.ALL_FIELDS, "web*", false));
            assertThat(kql("*")).isEqualTo(new MatchAll());
        }

        @Test
        void booleanOperatorsWithPrecedence() {
            assertThat(kql("a:1 or b:2 and c:3")).isEqualTo(Bool.or(List.of(new Term("a", "1"),
                    Bool.and(List.of(new Term("b", "2"), new Term("c", "3"))))));
            assertThat(kql("(a:1 OR b:2) AND NOT c:3")).isEqualTo(Bool.and(List.of(
                    Bool.or(List.of(new Term("a", "1"), new Term("b", "2"))), Bool.not(new Term("c", "3")))));
            assertThat(kql("a:1 or b:2 or c:3")).isEqualTo(Bool.or(List.of(new Term("a", "1"), new Term("b", "2"), new Term("c", "3"))));
        }

        @Test
        void valueLists() {
            assertThat(kql("a:(x or y)")).isEqualTo(Bool.or(List.of(new Term("a", "x"), new Term("a", "y"))));
            assertThat(kql("a:(x and not \"y z\")")).isEqualTo(Bool.and(List.of(new Term("a", "x"), Bool.not(new Term("a", "y z")))));
        }

        @Test
        void ranges() {
            assertThat(kql("risk.score >= 50")).isEqualTo(new Range("risk.score", new RangeBound("50", true), null));
            assertThat(kql("risk.score<50")).isEqualTo(new Range("risk.score", null, new RangeBound("50", false)));
            assertThat(kql("@timestamp > \"2024-01-01\"")).isEqualTo(new Range("@timestamp", new RangeBound("2024-01-01", false), null));
            assertThat(kql("a <= z")).isEqualTo(new Range("a", null, new RangeBound("z", true)));
        }

        @Test
        void nestedQueriesPrefixTheirFields() {
            assertThat(kql("entity:{ attributes.managed: true and id: x }")).isEqualTo(Bool.and(List.of(
                    new Term("entity.attributes.managed", "true"), new Term("entity.id", "x"))));
            assertThat(kql("a:{ b:{ c:1 } }")).isEqualTo(new Term("a.b.c", "1"));
        }

        @Test
        void keywordsNeedSpacesAroundThem() {
            assertThat(kql("a:oregon")).isEqualTo(new Term("a", "oregon"));
            assertThat(kql("notes:x")).isEqualTo(new Term("notes", "x"));
            assertThat(kql("a:bar not")).isEqualTo(new Term("a", "bar not"));
        }
    }

    @Nested
    class KibanasErrors {
        @Test
        void theSpecExample() {
            assertThat(error("invalid :: query")).isEqualTo(
                    "Invalid filter: Expected \"(\", \"{\", value, whitespace but \":\" found.\ninvalid :: query\n---------^");
        }

        @Test
        void missingValue() {
            assertThat(error("response:")).isEqualTo(
                    "Invalid filter: Expected \"(\", \"{\", value, whitespace but end of input found.\nresponse:\n---------^");
            assertThat(error("entity.id:")).contains("Invalid filter");
        }

        @Test
        void orMissingRightSide() {
            assertThat(error("response:200 or ")).isEqualTo(
                    "Invalid filter: Expected \"(\", NOT, field name, value but end of input found.\nresponse:200 or \n----------------^");
        }

        @Test
        void orListMissingRightSide() {
            assertThat(error("response:(200 or )")).isEqualTo(
                    "Invalid filter: Expected \"(\", NOT, value but \")\" found.\nresponse:(200 or )\n-----------------^");
        }

        @Test
        void notMissingQuery() {
            assertThat(error("response:200 and not ")).isEqualTo(
                    "Invalid filter: Expected \"(\", field name, value but end of input found.\nresponse:200 and not \n---------------------^");
            assertThat(error("response:(200 and not )")).isEqualTo(
                    "Invalid filter: Expected \"(\", value but \")\" found.\nresponse:(200 and not )\n----------------------^");
        }

        @Test
        void unbalancedQuote() {
            assertThat(error("foo:\"ba ")).isEqualTo(
                    "Invalid filter: Expected \"(\", \"{\", value, whitespace but \"\"\" found.\nfoo:\"ba \n----^");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "foo:\"ba \"r\"|9|r",
                "foo:ba:r|6|:",
                "this < is not : a valid > query|10|n"})
        void strayCharactersAfterAValue(String input, int position, String found) {
            assertThat(error(input)).isEqualTo("Invalid filter: Expected AND, OR, end of input, whitespace but \""
                    + found + "\" found.\n" + input + "\n" + "-".repeat(position) + "^");
        }

        @Test
        void rangeMissingValueOrField() {
            assertThat(error("foo > ")).isEqualTo(
                    "Invalid filter: Expected literal, whitespace but end of input found.\nfoo > \n------^");
            assertThat(error("< 1000")).isEqualTo(
                    "Invalid filter: Expected \"(\", NOT, end of input, field name, value, whitespace but \"<\" found.\n< 1000\n^");
        }

        @Test
        void unclosedParenthesis() {
            assertThat(error("(a:1")).startsWith("Invalid filter: Expected \")\", AND, OR, whitespace but end of input found.");
        }

        @Test
        void deepNestingIsRefusedNotCrashed() {
            assertThat(error("(".repeat(5_000) + "a:1" + ")".repeat(5_000))).contains("nested too deeply");
        }
    }
}
