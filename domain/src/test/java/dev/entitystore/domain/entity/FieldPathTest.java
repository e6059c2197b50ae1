package dev.entitystore.domain.entity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

class FieldPathTest {
    private final ObjectMapper mapper = new ObjectMapper();

    private ObjectNode json(String text) throws Exception {
        return (ObjectNode) mapper.readTree(text);
    }

    @Test
    void getWalksNestedObjectsOnly() throws Exception {
        ObjectNode doc = json("{\"a\":{\"b\":{\"c\":1}},\"x\":[{\"y\":1}],\"a.b\":2}");
        assertThat(FieldPath.get(doc, "a.b.c").intValue()).isEqualTo(1);
        assertThat(FieldPath.get(doc, "a.b.d")).isNull();
        assertThat(FieldPath.get(doc, "x.y")).isNull();
        assertThat(FieldPath.get(doc, "a.b.c.d")).isNull();
    }

    @Test
    void setCreatesObjectsAndReplacesScalarsInTheWayInPlace() throws Exception {
        ObjectNode doc = json("{\"first\":1,\"a\":\"scalar\",\"last\":2}");
        FieldPath.set(doc, "a.b.c", TextNode.valueOf("v"));
        assertThat(doc.toString()).isEqualTo("{\"first\":1,\"a\":{\"b\":{\"c\":\"v\"}},\"last\":2}");
    }

    @Test
    void segmentsKeepEmptyPartsAsLodashDoes() {
        assertThat(FieldPath.segments("a..b")).containsExactly("a", "", "b");
        assertThat(FieldPath.segments("a")).containsExactly("a");
        assertThat(FieldPath.segments(".")).containsExactly("", "");
    }
}
