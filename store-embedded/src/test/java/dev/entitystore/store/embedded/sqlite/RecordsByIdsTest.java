package dev.entitystore.store.embedded.sqlite;

import static dev.entitystore.domain.store.TestJson.obj;
import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.domain.store.StoredEntity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code records}: what a search answers with, many ids read by one statement. */
class RecordsByIdsTest extends StoreTestSupport {
    @Test
    void presentRecordsInTheOrderAskedAbsentOnesLeftOut() {
        openStore();
        store.create("default", "a", obj("v", 1));
        store.create("default", "b", obj("v", 2));
        store.create("other", "c", obj("v", 3));

        Map<String, StoredEntity> found = store.records("default", List.of("b", "missing", "a", "c", "b"));

        assertThat(found.keySet()).containsExactly("b", "a");
        assertThat(found.get("a").source().get("v").asInt()).isEqualTo(1);
        assertThat(found.get("b").version()).isEqualTo(1);
        assertThat(found.get("b").seqNo()).isEqualTo(store.get("default", "b").orElseThrow().seqNo());
        assertThat(store.records("default", List.of())).isEmpty();
    }

    @Test
    void idsThatNeedEscapingInJsonAreFound() {
        openStore();
        List<String> ids = List.of("quote\"d", "back\\slash", "tab\tand\nnewline", "ünïcødé-🙂", "[1]", "a,b");
        ids.forEach(id -> store.create("default", id, obj("id", id)));

        assertThat(store.records("default", ids).keySet()).containsExactlyElementsOf(ids);
    }

    @Test
    void aLongListIsReadWhole() {
        openStore();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add("host:" + i);
            store.create("default", "host:" + i, obj("n", i));
        }

        List<String> reversed = new ArrayList<>(ids);
        Collections.reverse(reversed);
        Map<String, StoredEntity> found = store.records("default", reversed);

        assertThat(found).hasSize(300);
        assertThat(found.keySet().iterator().next()).isEqualTo("host:299");
    }
}
