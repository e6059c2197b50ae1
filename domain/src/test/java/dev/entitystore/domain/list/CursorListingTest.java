package dev.entitystore.domain.list;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entitystore.domain.search.EntitySearch;
import dev.entitystore.domain.search.SearchHit;
import dev.entitystore.domain.search.SearchResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cursor mode answers records as the store holds their text, unless the answer must look into them. */
class CursorListingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLAIN = "{\"entity\":{\"id\":\"a\",\"attributes\":{\"managed\":true}},\"n\":1.5,\"note\":\"summary\"}";
    private static final String WITH_SUMMARY = "{\"entity\":{\"id\":\"b\",\"attributes\":{\"summary\":\"AI\",\"managed\":false}}}";

    private static EntitySearch storedHits() {
        return request -> new SearchResult(List.of(
                SearchHit.ofStoredJson("a", "{\"entity\":{\"id\":\"a\"},\"n\":1.5}".getBytes(StandardCharsets.UTF_8), List.of(2L, 2L)),
                SearchHit.ofStoredJson("b", WITH_SUMMARY.getBytes(StandardCharsets.UTF_8), List.of(1L, 1L)),
                SearchHit.ofStoredJson("c", PLAIN.getBytes(StandardCharsets.UTF_8), List.of(0L, 0L))), -1);
    }

    @Test
    void aRecordWithoutTheExcludedPathIsAnsweredAsStored() throws Exception {
        ListAnswer.Cursor answer = new CursorListing(storedHits()).list("default", ListShapingTest.params(null, 3, null, null, null, null, null), true);
        assertThat(JSON.writeValueAsString(answer.entities())).isEqualTo("[{\"entity\":{\"id\":\"a\"},\"n\":1.5},"
                + "{\"entity\":{\"id\":\"b\",\"attributes\":{\"managed\":false}}}," + PLAIN + "]");
        assertThat(answer.entities().get(0).isPojo()).as("copied as stored").isTrue();
        assertThat(answer.entities().get(1).isObject()).as("the AI summary is dropped: read and filtered").isTrue();
        assertThat(answer.entities().get(2).isObject()).as("the quoted name as a value: read the long way").isTrue();
    }

    @Test
    void sourceFilteringReadsTheRecord() throws Exception {
        ListParameters withSource = new ListParameters(null, 3L, null, List.of("entity.id"), null, null, null, null, null, null, null);
        ListAnswer.Cursor answer = new CursorListing(storedHits()).list("default", withSource, true);
        assertThat(JSON.writeValueAsString(answer.entities()))
                .isEqualTo("[{\"entity\":{\"id\":\"a\"}},{\"entity\":{\"id\":\"b\"}},{\"entity\":{\"id\":\"a\"}}]");
    }

    @Test
    void keySearchOfStoredText() {
        assertThat(StoredText.lacksKey("{\"a\":{\"summarys\":1,\"x\":\"summar\"}}".getBytes(StandardCharsets.UTF_8), "summary")).isTrue();
        assertThat(StoredText.lacksKey("{\"a\":{\"summary\":1}}".getBytes(StandardCharsets.UTF_8), "summary")).isFalse();
        assertThat(StoredText.lacksKey("\"summary\"".getBytes(StandardCharsets.UTF_8), "summary")).isFalse();
        assertThat(StoredText.lacksKey("\"summar".getBytes(StandardCharsets.UTF_8), "summary")).isTrue();
    }
}
