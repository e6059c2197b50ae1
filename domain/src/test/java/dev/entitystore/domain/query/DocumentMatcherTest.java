package dev.entitystore.domain.query;

import static dev.entitystore.domain.testing.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class DocumentMatcherTest {
    private static final ObjectNode ITEM = obj("{\"name\":\"Notepad rule\",\"tags\":[\"policy:all\",\"team-a\"],"
            + "\"entries\":[{\"field\":\"process.name\",\"value\":\"notepad.exe\"},{\"field\":\"x\",\"value\":[\"a\",\"b\"]}],"
            + "\"count\":12,\"created_at\":\"2026-01-02T03:04:05.000Z\",\"meta\":{\"owner\":null}}");

    private static boolean kql(String filter) {
        return DocumentMatcher.matches(KqlParser.parse(filter), "id-1", ITEM);
    }

    @Test
    void termsMatchAnyValueExactly() {
        assertThat(kql("tags:team-a")).isTrue();
        assertThat(kql("tags:TEAM-A")).isFalse();
        assertThat(kql("name:\"Notepad rule\"")).isTrue();
        assertThat(kql("entries.value:b and entries.field:process.name")).isTrue();
        assertThat(kql("not tags:policy\\:all")).isFalse();
        assertThat(kql("tags:nope or count:12")).isTrue();
    }

    @Test
    void wildcardsExistsAndRanges() {
        assertThat(kql("name:Note*")).isTrue();
        assertThat(kql("entries.value:*.exe")).isTrue();
        assertThat(kql("entries:*")).isTrue();
        assertThat(kql("meta.owner:*")).as("null is no value").isFalse();
        assertThat(kql("count >= 12 and count < 13")).isTrue();
        assertThat(kql("count > 100")).isFalse();
        assertThat(kql("created_at > \"2026-01-01\"")).isTrue();
        assertThat(kql("ta*:team-a")).isTrue();
    }
}
