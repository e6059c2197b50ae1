package dev.entitystore.domain.exceptionlist;

import static dev.entitystore.domain.testing.Json.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.error.ExceptionListConflictException;
import dev.entitystore.domain.error.ExceptionListException;
import dev.entitystore.domain.error.ExceptionListRequestException;
import dev.entitystore.domain.error.InvalidRequestException;
import dev.entitystore.domain.testing.InMemoryExceptionListStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class EndpointListItemsTest {
    private static final ListActor ALICE = new ListActor("alice", "default");
    private static final String MATCH = "[{\"field\":\"a\",\"operator\":\"included\",\"type\":\"match\",\"value\":\"x\"}]";
    private final InMemoryExceptionListStore store = new InMemoryExceptionListStore();
    private final AtomicInteger counter = new AtomicInteger();
    private final Supplier<String> ids = () -> "uuid-" + counter.incrementAndGet();
    private final ListClock clock = new ListClock(Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));
    private final EndpointList list = new EndpointList(store, clock, ids);
    private final EndpointListItems items = new EndpointListItems(store, list, clock, ids);

    private static ItemInput input(String id, String itemId, String name, String entries, List<ItemInput.Comment> comments,
                                   String version) {
        return new ItemInput(id, itemId, "simple", name, "d", node(entries), null, null, null, comments, version);
    }

    @Test
    void theListIsCreatedOnceWithKibanasAttributes() {
        ObjectNode created = list.create(ALICE).orElseThrow();
        assertThat(created.path("id").asText()).isEqualTo("endpoint_list");
        assertThat(created.path("created_at").asText()).isEqualTo("2026-01-02T03:04:05.000Z");
        assertThat(created.path("version").asInt()).isEqualTo(1);
        assertThat(created.path("immutable").asBoolean()).isFalse();
        assertThat(list.create(ALICE)).isEmpty();
    }

    @Test
    void createStampsCommentsAndTagsAndCreatesTheList() {
        ObjectNode item = items.create(input(null, "i", "n", MATCH, List.of(new ItemInput.Comment(null, "hello")), null),
                ALICE);
        assertThat(store.get("endpoint_list")).isPresent();
        assertThat(item.path("comments")).isEqualTo(node("[{\"comment\":\"hello\",\"created_at\":\"2026-01-02T03:04:05.000Z\","
                + "\"created_by\":\"alice\",\"id\":\"" + item.path("comments").get(0).path("id").asText() + "\"}]"));
        assertThat(item.path("tags")).isEqualTo(node("[\"policy:all\",\"ownerSpaceId:default\"]"));
        assertThat(item.path("id").asText()).isEqualTo(EndpointListItems.objectId("i"));
        assertThat(item.path("_version").asText()).isEqualTo(new ListObjectVersion(1, 1).encode());
    }

    @Test
    void schemaProblemsAreListedWithTheirPaths() {
        assertThatThrownBy(() -> items.create(input(null, " ", "", "[{\"type\":\"match_any\",\"field\":\"f\","
                + "\"operator\":\"included\",\"value\":[]},{\"type\":\"nested\",\"field\":\"p\",\"entries\":"
                + "[{\"type\":\"wildcard\"}]}]", null, null), ALICE))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("[request body]: entries.0.value: Too small: expected array to have >=1 items, "
                        + "entries.1.entries.0.type: Invalid option: expected one of \"match\"|\"match_any\"|\"exists\", "
                        + "item_id: No empty strings allowed, name: Too small: expected string to have >=1 characters");
    }

    @Test
    void endpointRulesAnswerAListOfMessages() {
        ExceptionListException e = (ExceptionListException) org.assertj.core.api.Assertions.catchThrowable(() ->
                items.create(input(null, "i", "n", "[{\"type\":\"list\",\"field\":\"f\",\"operator\":\"included\","
                        + "\"list\":{\"id\":\"l\",\"type\":\"ip\"}}]", null, null), ALICE));
        assertThat(e).isInstanceOf(ExceptionListRequestException.class);
        assertThat(e.messageList()).containsExactly("Invalid value \"list\" supplied to \"entries\"");
    }

    @Test
    void theListHoldsAtMostTenThousandItems() {
        for (int i = 0; i < EndpointListItems.MAX_LIST_SIZE; i++) {
            store.create("o" + i, (ObjectNode) node("{\"list_type\":\"item\",\"list_id\":\"endpoint_list\",\"item_id\":\"x"
                    + i + "\"}"));
        }
        assertThatThrownBy(() -> items.create(input(null, "one-more", "n", MATCH, null, null), ALICE))
                .isInstanceOf(ExceptionListRequestException.class)
                .hasMessage("Failed to add exception item, exception list would exceed max size of 10000");
        assertThat(store.findItem("endpoint_list", "one-more")).as("the item is taken back").isEmpty();
    }

    @Test
    void aStaleVersionConflictsWithElasticsearchsText() {
        ObjectNode item = items.create(input(null, "i", "n", MATCH, null, null), ALICE);
        String version = item.path("_version").asText();
        items.update(input(null, "i", "n2", MATCH, null, version), ALICE);
        assertThatThrownBy(() -> items.update(input(null, "i", "n3", MATCH, null, version), ALICE))
                .isInstanceOf(ExceptionListConflictException.class)
                .hasMessage("version_conflict_engine_exception: [exception-list-agnostic:" + item.path("id").asText()
                        + "]: version conflict, required seqNo [1], primary term [1]. current document has seqNo [2] and"
                        + " primary term [1]");
    }

    @Test
    void updateAppendsNewCommentsOnly() {
        ObjectNode item = items.create(input(null, "i", "n", MATCH, List.of(new ItemInput.Comment(null, "a")), null), ALICE);
        String firstId = item.path("comments").get(0).path("id").asText();
        JsonNode updated = items.update(input(null, "i", "n", MATCH, List.of(new ItemInput.Comment(firstId, "edited"),
                new ItemInput.Comment("unknown", "ignored"), new ItemInput.Comment(null, "b")), null), ALICE);
        assertThat(updated.path("comments")).hasSize(2);
        assertThat(updated.path("comments").get(0)).isEqualTo(item.path("comments").get(0));
        assertThat(updated.path("comments").get(1).path("comment").asText()).isEqualTo("b");
    }

    @Test
    void versionsAreBase64OfSeqNoAndPrimaryTerm() {
        assertThat(new ListObjectVersion(297, 1).encode()).isEqualTo("WzI5NywxXQ==");
        assertThat(ListObjectVersion.decode("WzEyLDFd")).isEqualTo(new ListObjectVersion(12, 1));
        for (String bad : List.of("", "!!", "WzEyXQ==", "eyJhIjoxfQ==", "WyJhIiwxXQ==")) {
            assertThatThrownBy(() -> ListObjectVersion.decode(bad)).as(bad)
                    .isInstanceOf(ExceptionListRequestException.class).hasMessage("Invalid version [" + bad + "]");
        }
    }
}
