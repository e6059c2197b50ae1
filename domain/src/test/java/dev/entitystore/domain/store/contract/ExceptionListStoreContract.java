package dev.entitystore.domain.store.contract;

import static dev.entitystore.domain.testing.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.exceptionlist.ExceptionListStore;
import dev.entitystore.domain.exceptionlist.ListObjectVersion;
import dev.entitystore.domain.exceptionlist.ListWrite;
import dev.entitystore.domain.exceptionlist.StoredListObject;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every adapter of {@link ExceptionListStore} promises: an id and an item's {@code item_id} (within
 * its list) taken once, conditional replacement by version, versions that move forward, items found by
 * list and {@code item_id}, and attributes read back exactly as written. Subclasses hand in a fresh store.
 */
public abstract class ExceptionListStoreContract {
    protected abstract ExceptionListStore store();

    private static ObjectNode item(String listId, String itemId, String name) {
        return obj("{\"list_type\":\"item\",\"list_id\":\"" + listId + "\",\"item_id\":\"" + itemId + "\",\"name\":\""
                + name + "\",\"entries\":[{\"field\":\"a\",\"type\":\"match\",\"value\":\"x\"}],\"meta\":{\"k\":[1,{\"n\":null}]}}");
    }

    @Test
    void anEmptyStoreHasNothing() {
        ExceptionListStore store = store();
        assertThat(store.get("endpoint_list")).isEmpty();
        assertThat(store.findItem("endpoint_list", "x")).isEmpty();
        assertThat(store.items("endpoint_list")).isEmpty();
        assertThat(store.countItems("endpoint_list")).isZero();
        assertThat(store.delete("x")).isFalse();
        assertThat(store.replace("x", item("l", "x", "n"), null)).isInstanceOf(ListWrite.Missing.class);
    }

    @Test
    void createOnceAndReadBackExactly() {
        ExceptionListStore store = store();
        ObjectNode list = obj("{\"list_type\":\"list\",\"list_id\":\"endpoint_list\",\"name\":\"L\"}");
        Optional<StoredListObject> created = store.create("endpoint_list", list);
        assertThat(created).isPresent();
        assertThat(store.create("endpoint_list", list)).isEmpty();
        StoredListObject read = store.get("endpoint_list").orElseThrow();
        assertThat(read.attributes()).isEqualTo(list);
        assertThat(read.version()).isEqualTo(created.get().version());
        assertThat(read.isItem()).isFalse();
        assertThat(store.items("endpoint_list")).as("a list is not an item").isEmpty();
    }

    @Test
    void itemIdsAreUniqueWithinAList() {
        ExceptionListStore store = store();
        assertThat(store.create("id-1", item("endpoint_list", "one", "n"))).isPresent();
        assertThat(store.create("id-2", item("endpoint_list", "one", "other"))).isEmpty();
        assertThat(store.create("id-3", item("other_list", "one", "n"))).isPresent();
        assertThat(store.findItem("endpoint_list", "one").orElseThrow().id()).isEqualTo("id-1");
        assertThat(store.countItems("endpoint_list")).isEqualTo(1);
        assertThat(store.items("endpoint_list")).extracting(StoredListObject::id).containsExactly("id-1");
        assertThat(store.delete("id-1")).isTrue();
        assertThat(store.findItem("endpoint_list", "one")).isEmpty();
        assertThat(store.create("id-2", item("endpoint_list", "one", "again"))).isPresent();
    }

    @Test
    void replaceIsConditionalOnTheVersionAndVersionsMoveForward() {
        ExceptionListStore store = store();
        StoredListObject first = store.create("id-1", item("endpoint_list", "one", "n")).orElseThrow();
        ListWrite second = store.replace("id-1", item("endpoint_list", "one", "n2"), first.version());
        assertThat(second).isInstanceOf(ListWrite.Written.class);
        ListObjectVersion v2 = ((ListWrite.Written) second).stored().version();
        assertThat(v2.seqNo()).isGreaterThan(first.version().seqNo());
        ListWrite stale = store.replace("id-1", item("endpoint_list", "one", "n3"), first.version());
        assertThat(stale).isEqualTo(new ListWrite.Conflict(v2));
        assertThat(store.get("id-1").orElseThrow().attributes().path("name").asText()).isEqualTo("n2");
        assertThat(store.replace("id-1", item("endpoint_list", "one", "n4"), null)).isInstanceOf(ListWrite.Written.class);
        assertThat(store.findItem("endpoint_list", "one").orElseThrow().attributes().path("name").asText()).isEqualTo("n4");
        List<StoredListObject> items = store.items("endpoint_list");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).version()).isEqualTo(store.get("id-1").orElseThrow().version());
    }
}
