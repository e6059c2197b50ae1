package dev.entitystore.server.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads free-form records ({@code ObjectNode} bodies: create, update, upsert, bulk {@code doc} and
 * {@code record}) as Jackson does, then refuses an array longer than {@code maxItems} anywhere inside.
 * Strings, names and nesting are bounded while parsing ({@link ObjectMapperFactory}); arrays are the one
 * size Jackson's stream constraints do not bound. A stream limit passed inside a record is reported with
 * its path in the record.
 */
final class BoundedRecordDeserializer extends StdDeserializer<ObjectNode> {
    @SuppressWarnings("unchecked")
    private static final JsonDeserializer<ObjectNode> TREE =
            (JsonDeserializer<ObjectNode>) JsonNodeDeserializer.getDeserializer(ObjectNode.class);

    private final int maxItems;

    BoundedRecordDeserializer(int maxItems) {
        super(ObjectNode.class);
        this.maxItems = maxItems;
    }

    @Override
    public ObjectNode deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        ObjectNode record;
        try {
            record = TREE.deserialize(parser, context);
        } catch (StreamConstraintsException e) {
            // Only here is the parser at hand to say where in the record the limit was passed.
            String at = StreamLimitMessages.isNesting(e) ? "" : StreamLimitMessages.pathOf(parser);
            throw new BodyLimitException(at, StreamLimitMessages.describe(e));
        }
        check(record, "");
        return record;
    }

    private void check(JsonNode node, String path) throws BodyLimitException {
        if (node.isArray()) {
            if (node.size() > maxItems) {
                throw new BodyLimitException(path, "Too big: expected array to have <=" + maxItems + " items");
            }
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), join(path, String.valueOf(i)));
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isContainerNode()) {
                    check(field.getValue(), join(path, field.getKey()));
                }
            }
        }
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
