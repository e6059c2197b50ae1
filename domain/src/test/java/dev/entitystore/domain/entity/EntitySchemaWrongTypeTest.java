package dev.entitystore.domain.entity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every leaf the request schema types, in every member of both generations' unions, given a value of
 * another JSON type, is refused by the union as a whole (issue 16, item 6: a definition-only copy of the
 * leaf in another member must not let it through, as {@code host.name: 7} once got through the user
 * member). The right type passes.
 */
class EntitySchemaWrongTypeTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @Test
    void everyTypedLeafRefusesEveryWrongJsonTypeInTheStandardUnion() {
        assertEveryTypedLeafRefusesWrongTypes(EntitySchema.standard());
    }

    @Test
    void everyTypedLeafRefusesEveryWrongJsonTypeInTheLegacyUnion() {
        assertEveryTypedLeafRefusesWrongTypes(EntitySchema.legacy());
    }

    @Test
    void hostNameAsANumberIsRefusedOnEveryRoute() {
        for (EntityType route : EntityType.values()) {
            ObjectNode body = F.objectNode();
            FieldPath.set(body, "host.name", F.numberNode(7));
            assertThat(EntitySchema.standard().issues(body, route)).as(route.wireName()).isNotEmpty();
        }
    }

    private static void assertEveryTypedLeafRefusesWrongTypes(EntitySchema schema) {
        int checked = 0;
        for (EntityType member : EntityType.values()) {
            for (Map.Entry<String, ValueRule> leaf : schema.typedLeaves(member).entrySet()) {
                String path = leaf.getKey();
                ValueRule rule = leaf.getValue();
                assertThat(schema.issues(body(path, rightValue(rule)), member))
                        .as("%s %s accepts its own type", member, path).isEmpty();
                for (JsonNode wrong : wrongValues(rule)) {
                    for (EntityType route : EntityType.values()) {
                        assertThat(schema.issues(body(path, wrong), route))
                                .as("%s = %s on the %s route", path, wrong, route).isNotEmpty();
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(1000);
    }

    private static ObjectNode body(String path, JsonNode value) {
        ObjectNode body = F.objectNode();
        FieldPath.set(body, path, value);
        return body;
    }

    private static JsonNode rightValue(ValueRule rule) {
        switch (rule.kind()) {
            case STRING_ARRAY:
                return F.arrayNode().add("a");
            case BOOLEAN:
                return F.booleanNode(true);
            case NUMBER:
                return F.numberNode(1);
            case DATETIME:
                return F.textNode("2026-01-15T10:00:00.000Z");
            case ENUM:
                return F.textNode(rule.options().get(0));
            default:
                return F.textNode("a");
        }
    }

    private static List<JsonNode> wrongValues(ValueRule rule) {
        List<JsonNode> wrong = new ArrayList<>();
        switch (rule.kind()) {
            case NUMBER:
                wrong.add(F.textNode("1"));
                wrong.add(F.booleanNode(true));
                break;
            case BOOLEAN:
                wrong.add(F.textNode("true"));
                wrong.add(F.numberNode(1));
                break;
            case STRING_ARRAY:
                wrong.add(F.textNode("a"));
                wrong.add(F.arrayNode().add(7));
                wrong.add(F.numberNode(7));
                break;
            case STRING_OR_ARRAY:
                wrong.add(F.numberNode(7));
                wrong.add(F.arrayNode().add(false));
                break;
            default:
                wrong.add(F.numberNode(7));
                wrong.add(F.booleanNode(false));
                wrong.add(F.arrayNode().add(7));
        }
        wrong.add(F.objectNode().put("unexpected", 1));
        return wrong;
    }
}
