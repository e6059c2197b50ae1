package dev.entitystore.server.v2;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.list.ListAnswer;

/**
 * The list answers in Kibana's wire shapes: cursor {@code {entities, nextSearchAfter?, fields?}}, page
 * {@code {records, total, page, per_page, inspect}}. Keys are present exactly when Kibana sends them.
 */
public final class ListAnswers {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ListAnswers() {
    }

    public static ObjectNode toJson(ListAnswer answer) {
        if (answer instanceof ListAnswer.Cursor cursor) {
            ObjectNode body = NODES.objectNode();
            ArrayNode entities = body.putArray("entities");
            cursor.entities().forEach(entities::add);
            if (cursor.nextSearchAfter() != null) {
                ArrayNode next = body.putArray("nextSearchAfter");
                cursor.nextSearchAfter().forEach(value -> next.add(JSON.valueToTree(value)));
            }
            if (cursor.fields() != null) {
                ArrayNode fields = body.putArray("fields");
                cursor.fields().forEach(fields::add);
            }
            return body;
        }
        ListAnswer.Page page = (ListAnswer.Page) answer;
        ObjectNode body = NODES.objectNode();
        ArrayNode records = body.putArray("records");
        page.records().forEach(records::add);
        body.put("total", page.total());
        body.put("page", page.page());
        body.put("per_page", page.perPage());
        ObjectNode inspect = body.putObject("inspect");
        ArrayNode dsl = inspect.putArray("dsl");
        page.inspect().dsl().forEach(dsl::add);
        ArrayNode response = inspect.putArray("response");
        page.inspect().response().forEach(response::add);
        return body;
    }
}
