package dev.entitystore.domain.history;

import static dev.entitystore.domain.store.TestJson.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldChangesTest {
    @Test
    void listsChangedAddedAndRemovedPathsAndComparesArraysWhole() {
        ObjectNode before = obj("host", obj("name", "a", "ip", List.of("1", "2")), "gone", true);
        ObjectNode after = obj("host", obj("name", "a", "ip", List.of("2", "1")), "new", 3);
        ObjectNode fields = FieldChanges.between(FieldChanges.leaves(before), FieldChanges.leaves(after));
        assertThat(fields.toString()).isEqualTo(
                "{\"host.ip\":{\"before\":[\"1\",\"2\"],\"after\":[\"2\",\"1\"]},\"new\":{\"after\":3},\"gone\":{\"before\":true}}");
    }

    @Test
    void undoingAChangeRestoresTheStateBeforeIt() {
        ObjectNode before = obj("a", 1, "b", List.of("x"));
        ObjectNode after = obj("a", 2, "c", "new");
        ObjectNode fields = FieldChanges.between(FieldChanges.leaves(before), FieldChanges.leaves(after));
        Map<String, JsonNode> state = new java.util.LinkedHashMap<>(FieldChanges.leaves(after));
        FieldChanges.undo(fields, state);
        assertThat(state).isEqualTo(FieldChanges.leaves(before));
    }

    @Test
    void aSnapshotDoesNotFollowArraysChangedInPlaceLater() {
        ObjectNode record = obj("tags", List.of("a"));
        Map<String, JsonNode> snapshot = FieldChanges.snapshot(record);
        ((com.fasterxml.jackson.databind.node.ArrayNode) record.get("tags")).add("b");
        assertThat(snapshot.get("tags").toString()).isEqualTo("[\"a\"]");
    }

    @Test
    void touchesAPathOrALeafUnderIt() {
        ObjectNode fields = obj("host.ip", obj("after", 1));
        assertThat(FieldChanges.touches(fields, List.of("host"))).isTrue();
        assertThat(FieldChanges.touches(fields, List.of("host.ip"))).isTrue();
        assertThat(FieldChanges.touches(fields, List.of("hos"))).isFalse();
        assertThat(FieldChanges.touches(fields, List.of("host.ip.x"))).isFalse();
    }
}
