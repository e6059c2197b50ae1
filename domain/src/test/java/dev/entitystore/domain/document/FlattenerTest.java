package dev.entitystore.domain.document;

import static dev.entitystore.domain.testing.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.testing.Property;
import dev.entitystore.domain.testing.RandomDocuments;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Flattening to field paths as field validation needs it. */
class FlattenerTest {

    @Test
    void leavesComeInDocumentOrder() {
        assertThat(Flattener.paths(obj("{'entity':{'id':'x','attributes':{'asset':true}},'asset':{'criticality':'low_impact'}}")))
                .containsExactly("entity.id", "entity.attributes.asset", "asset.criticality");
    }

    @Test
    void arraysAreLeavesEvenWhenTheyHoldObjects() {
        Map<String, JsonNode> flat = Flattener.flatten(obj("{'host':{'ip':['a','b']},'list':[{'x':1}],'empty':[]}"));
        assertThat(flat.keySet()).containsExactly("host.ip", "list", "empty");
        assertThat(flat.get("list").get(0).get("x").intValue()).isEqualTo(1);
    }

    @Test
    void emptyObjectsProduceNoPath() {
        assertThat(Flattener.paths(obj("{'entity':{},'host':{'os':{}},'a':1}"))).containsExactly("a");
    }

    @Test
    void nullAndEmptyStringAreLeaves() {
        assertThat(Flattener.paths(obj("{'a':null,'b':''}"))).containsExactly("a", "b");
    }

    @Test
    void dottedKeysOfAnUnflattenedDocumentJoinAsTheyAre() {
        assertThat(Flattener.paths(obj("{'entity.id':'x','host':{'os.name':'linux'}}")))
                .containsExactly("entity.id", "host.os.name");
    }

    @Test
    void unflattenOfFlattenIsTheIdentityForRecordsWithoutDottedKeys() {
        Property.forAllSeeds(seed -> {
            ObjectNode record = new RandomDocuments(seed).object(4);
            ObjectNode flat = record.objectNode();
            Flattener.flatten(record).forEach(flat::set);
            assertThat(Unflattener.unflatten(flat)).isEqualTo(record);
        });
    }
}
